/** A known customer, found by phone number. */
export interface Contact {
  readonly phone: string;
  readonly name: string;
  readonly tier: 'vip' | 'standard';
  /** Who looks after the account, when someone does. */
  readonly accountManager?: string;
}

/** An unknown caller, kept as a lead. */
export interface Lead {
  readonly phone: string;
  readonly firstCallAt: Date;
  readonly calls: number;
}

/** Where contacts and leads live. */
export interface ReceptionStore {
  findContact(phone: string): Promise<Contact | undefined>;
  /** Creates the lead on the first call, counts the call on later ones; returns it. */
  recordLead(phone: string, at: Date): Promise<Lead>;
}

/** Where the call goes and what the caller hears first. */
export interface Route {
  readonly greeting: string;
  readonly queue: 'vip' | 'support' | 'sales';
  /** Passed to the callee with `connect()` so the human sees who is calling. */
  readonly handoffData: Record<string, string>;
}

/** Routes a known contact by tier, and an unknown caller (a lead) to sales. Pure. */
export function routeFor(caller: { contact: Contact } | { lead: Lead }): Route {
  if ('contact' in caller) {
    const { contact } = caller;
    const first = contact.name.split(/\s+/)[0] ?? contact.name;
    const data = { contact: contact.phone, name: contact.name, tier: contact.tier };
    if (contact.tier === 'vip') {
      const manager = contact.accountManager;
      return {
        greeting: `Welcome back, ${first}. ${manager ? `Connecting you to ${manager}, your account manager.` : 'Connecting you to your account team.'}`,
        queue: 'vip',
        handoffData: { ...data, queue: 'vip', ...(manager ? { accountManager: manager } : {}) },
      };
    }
    return {
      greeting: `Hello ${first}. Thank you for calling. I am connecting you to our support team now.`,
      queue: 'support',
      handoffData: { ...data, queue: 'support' },
    };
  }
  const { lead } = caller;
  return {
    greeting:
      lead.calls > 1
        ? 'Welcome back. Connecting you to our sales team.'
        : 'Welcome to Acme. I have noted your number; connecting you to our sales team.',
    queue: 'sales',
    handoffData: { lead: lead.phone, calls: String(lead.calls), queue: 'sales' },
  };
}

export const UNANSWERED_LINE =
  'Sorry, nobody is free right now. We will call you back at this number. Goodbye.';
