/** Disable and enable take no fields; the empty class makes unknown ones a 400 like everywhere else. */
export class SetKeyEnabledRequestDto {}
