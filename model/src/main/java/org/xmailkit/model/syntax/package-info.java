/**
 * Parsers for the small languages inside XMail values, each following XMail 1.27's own parsing code:
 * option lists ({@code MscParseOptions}), gateway lists, SmtpConfig tokens, CustMapsList.
 */
package org.xmailkit.model.syntax;
