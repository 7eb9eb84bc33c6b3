/** On stderr beside a new secret: it is in this answer only and is kept nowhere (product.md section 3). */
export const SECRET_WARNING = 'keyward: copy the new key now: it is shown this once and cannot be shown again';
