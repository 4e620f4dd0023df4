import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  secureCookies: boolean;
  logLevel: string;
  bodyLimit: number;
  /** Sign-in attempts allowed per account, and per IP, in the window below. */
  loginLimitPerAccount: number;
  loginLimitPerIp: number;
  loginWindowMinutes: number;
};

/** Reads the configuration from the environment; every value has a default fit for a laptop. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? 'localhost';
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Totem <no-reply@totem.localhost>',
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimit: Number(env.BODY_LIMIT ?? 1_048_576),
    loginLimitPerAccount: Number(env.LOGIN_LIMIT_PER_ACCOUNT ?? 5),
    loginLimitPerIp: Number(env.LOGIN_LIMIT_PER_IP ?? 30),
    loginWindowMinutes: Number(env.LOGIN_WINDOW_MINUTES ?? 15),
  };
}
