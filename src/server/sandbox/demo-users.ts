/*
 * The sandbox's two accounts. The agent's grant never includes campaigns:read, so its access token is
 * valid but insufficient: that is how the dashboard's 403 path gets exercised.
 */
export interface DemoUser {
  username: string;
  password: string;
  sub: string;
  name: string;
  email: string;
  canReadCampaigns: boolean;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'supervisor',
    password: 'supervisor',
    sub: 'b2c1f0e4-5d6a-4f7b-8c9d-0e1f2a3b4c5d',
    name: 'Sam Supervisor',
    email: 'supervisor@sandbox.test',
    canReadCampaigns: true,
  },
  {
    username: 'agent',
    password: 'agent',
    sub: 'a7e3d2c1-9b8a-4c6d-8e5f-4a3b2c1d0e9f',
    name: 'Alex Agent',
    email: 'agent@sandbox.test',
    canReadCampaigns: false,
  },
];

export function findDemoUserBySub(sub: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.sub === sub);
}

export function checkDemoCredentials(username: string, password: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.username === username && user.password === password);
}
