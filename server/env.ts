// Imported first by the server's entry points: @colyseus/tools loads dotenv (and reads
// /etc/environment) when it is imported, and prints a banner unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET ??= "true";
export {};
