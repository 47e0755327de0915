const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** localhost, 127.x.x.x or [::1], with or without a port: a host name that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.test(host.replace(/:\d+$/, ''));
}
