import { Coach } from './coach';

describe('Coach', () => {
  it('fires the cancellation hint when the caller mentions cancelling', () => {
    const coach = new Coach();
    expect(coach.hear('i want to cancel my subscription')?.id).toBe('cancellation');
    expect(coach.hear('i am thinking of cancelling')).toBeUndefined(); // fired already
    expect(coach.topics()).toEqual({ cancellation: 2 });
  });

  it('also fires on what the telephone recogniser makes of "cancel"', () => {
    expect(new Coach().hear("i find it can't on my account")?.id).toBe('cancellation');
  });

  it('stays quiet on ordinary lines', () => {
    const coach = new Coach();
    expect(coach.hear('what are your opening hours')).toBeUndefined();
    expect(coach.topics()).toEqual({});
  });

  it('gives one hint per line, the first rule that has not fired, and counts every topic', () => {
    const coach = new Coach();
    expect(coach.hear('this is too expensive so i will cancel')?.id).toBe('cancellation');
    expect(coach.hear('it is too expensive')?.id).toBe('price');
    expect(coach.topics()).toEqual({ cancellation: 1, price: 2 });
  });

  it('follows custom rules', () => {
    const coach = new Coach([{ id: 'refund', when: /\brefund\b/, hint: 'Check the order.' }]);
    expect(coach.hear('I need a REFUND')?.hint).toBe('Check the order.');
  });
});
