/**
 * The embedded emulators accept any credentials but refuse unsigned requests, so local clients
 * sign with these fixed, obviously fake ones.
 */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
