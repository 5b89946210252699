/** A refusal or mistake the operator can act on: the CLI prints it without a stack (see cli/main.ts). */
export class OpsError extends Error {
  readonly userFacing = true;
  override name = 'OpsError';
}
