/**
 * Who the citizen is: the one ID-card login step every flow that needs an identity goes through,
 * the identity it yields (masked wherever shown, held by the session only, wiped at its end), and
 * the policy that ends a session when the card is lifted.
 */
package cn.egov.kiosk.identity;
