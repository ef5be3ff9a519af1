/**
 * The vocabulary every domain library speaks (Emmett's): a command is decided against the state
 * folded from past events; the decision is a list of new events, or a thrown rule violation.
 */
export type Event<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Data }>;
export type Command<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Data }>;

export type Decider<State, Cmd extends Command, Evt extends Event> = Readonly<{
  decide: (command: Cmd, state: State) => Evt[];
  evolve: (state: State, event: Evt) => State;
  initialState: () => State;
}>;

/** Folds events into state, starting from the decider's initial state. */
export const fold = <State, Evt extends Event>(
  decider: Pick<Decider<State, Command, Evt>, 'evolve' | 'initialState'>,
  events: readonly Evt[],
): State => events.reduce(decider.evolve, decider.initialState());
