/** Every store fault message, in one place so the wording stays consistent across backends. */
export const storeMessages = {
  fileInvalid: (file: string, problem: string) => `Store file ${file} is not valid: ${problem}. The file was left unchanged.`,
  fileNotJson: (file: string, problem: string, line: number, column: number) =>
    `Store file ${file} is not valid JSON: ${problem} at line ${line}, column ${column}. The file was left unchanged.`,
  fileEmpty: (file: string, seed: string) =>
    `Store file ${file} is empty. Restore it from a backup, or delete it to recreate it from the seed file ${seed}.`,
  fileMissing: (file: string) => `Store file ${file} disappeared while factdesk was using it.`,
  folderFailed: (file: string, reason: string) => `Cannot create the folder for store file ${file}: ${reason}`,
  fileUnreadable: (file: string, reason: string) => `Cannot read store file ${file}: ${reason}`,
  seedInvalid: (file: string, problem: string) => `Seed file ${file} is not valid: ${problem}.`,
  seedNotJson: (file: string, problem: string, line: number, column: number) =>
    `Seed file ${file} is not valid JSON: ${problem} at line ${line}, column ${column}.`,
  seedEmpty: (file: string) => `Seed file ${file} is empty.`,
  /** `purpose` completes "to ... from", e.g. `create store file data/store.json`. */
  seedMissing: (seed: string, purpose: string) => `There is no seed file ${seed} to ${purpose} from.`,
  seedUnreadable: (file: string, reason: string) => `Cannot read seed file ${file}: ${reason}`,
  dataInvalid: (problem: string) => `Store data is not valid: ${problem}.`,
  alreadyOpen: (file: string, lock: string) =>
    `Store file ${file} is already open in another factdesk process (lock ${lock}). ` +
    'Stop that process, or point FACTDESK_STORE at another file.',
  lockFailed: (file: string, reason: string) => `Cannot lock store file ${file}: ${reason}`,
  lockLost: (file: string) =>
    `Lost the lock on store file ${file} (another process may have taken it); writes are refused until factdesk restarts.`,
  entriesUnreadable: (store: string, reason: string) =>
    `Cannot read the claims and articles of ${store}: ${reason}. Nothing was changed.`,
  writeRefused: (store: string, problem: string) => `Refused to write to ${store}: ${problem}. Nothing was changed.`,
  readOnly: (store: string) => `${store} was opened read-only; writes are refused.`,
  closed: (store: string) => `${store} is closed.`,
  rowInvalid: (store: string, kind: string, id: string, problem: string) =>
    `${store} holds an invalid ${kind} row (id "${id}"): ${problem}.`,
  postgresUnreachable: (where: string, reason: string) => `Cannot connect to PostgreSQL ${where}: ${reason}`,
  changeTokenForeign: (store: string) =>
    `${store} is not the database this change token was taken from (restored from a backup or to an earlier point in time, a standby promoted in its place, or another server at the same address).`,
  changeTokenAhead: (store: string) => `${store} is behind this change token (restored from a backup to an earlier point).`,
  postgresUrlInvalid: 'DATABASE_URL is not a valid postgres:// URL.',
  postgresSchemaInvalid: (schema: string) =>
    `PostgreSQL schema name "${schema}" is not allowed: use lowercase letters, digits and underscores.`,
} as const;
