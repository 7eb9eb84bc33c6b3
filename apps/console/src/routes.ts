/** Where sign-in lands: the page the product guides start from. */
export const HOME = '/settings/api-access';
