package org.xmailkit.audit.startup;

import java.util.Objects;

/**
 * One argument XMail receives.
 *
 * @param text        the argument
 * @param place       where it was written
 * @param environment whether it comes from MAIL_CMD_LINE (XMail appends those after its own arguments)
 */
public record Arg(String text, Place place, boolean environment) {

    public Arg {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(place, "place");
    }
}
