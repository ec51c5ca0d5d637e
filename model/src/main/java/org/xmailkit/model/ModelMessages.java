package org.xmailkit.model;

/** The model module's texts: {@code org/xmailkit/model/messages.properties} and its Japanese twin. */
public final class ModelMessages {

    /** The bundle. */
    public static final Messages MESSAGES = Messages.of("org.xmailkit.model.messages", ModelMessages.class);

    private ModelMessages() {}

    /**
     * @param key  a key of the model bundle
     * @param args values
     * @return the text, rendered later
     */
    public static Text text(String key, Object... args) {
        return MESSAGES.text(key, args);
    }
}
