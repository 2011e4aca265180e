import { routeFor } from './reception';

describe('routeFor', () => {
  it('greets a VIP by first name and routes to their account manager', () => {
    const route = routeFor({
      contact: { phone: '+1555', name: 'Ana Lim', tier: 'vip', accountManager: 'Sam' },
    });
    expect(route.greeting).toBe('Welcome back, Ana. Connecting you to Sam, your account manager.');
    expect(route.queue).toBe('vip');
    expect(route.handoffData).toEqual({
      contact: '+1555',
      name: 'Ana Lim',
      tier: 'vip',
      queue: 'vip',
      accountManager: 'Sam',
    });
  });

  it('routes a VIP without a manager to the account team', () => {
    expect(routeFor({ contact: { phone: '1', name: 'Bo', tier: 'vip' } }).greeting).toBe(
      'Welcome back, Bo. Connecting you to your account team.',
    );
  });

  it('routes a standard customer to support', () => {
    const route = routeFor({ contact: { phone: '1', name: 'Cy Park', tier: 'standard' } });
    expect(route.queue).toBe('support');
    expect(route.greeting).toContain('Hello Cy. Thank you for calling.');
  });

  it('routes a new lead to sales, and recognises a returning one', () => {
    const lead = { phone: '+1777', firstCallAt: new Date(0), calls: 1 };
    const route = routeFor({ lead });
    expect(route.queue).toBe('sales');
    expect(route.greeting).toContain('noted your number');
    expect(route.handoffData).toEqual({ lead: '+1777', calls: '1', queue: 'sales' });
    expect(routeFor({ lead: { ...lead, calls: 2 } }).greeting).toContain('Welcome back');
  });
});
