package org.xmailkit.migrate;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabFile;

/**
 * The lossless documents a migration works on: server.tab and the other MailRoot files steps may edit
 * (smtpfwd.tab). Immutable; edits return new instances.
 *
 * @param serverTab server.tab
 * @param others    the other files present, by kind
 */
public record ServerFiles(ServerTab serverTab, Map<MailRootFile, TabFile> others) {

    /** The MailRoot files besides server.tab that steps may edit. */
    public static final List<MailRootFile> EDITABLE = List.of(MailRootFile.SMTP_FWD);

    public ServerFiles {
        Objects.requireNonNull(serverTab, "serverTab");
        EnumMap<MailRootFile, TabFile> copy = new EnumMap<>(MailRootFile.class);
        for (Map.Entry<MailRootFile, TabFile> e : others.entrySet()) {
            if (e.getKey() == MailRootFile.SERVER_TAB || e.getValue().kind() != e.getKey()) {
                throw new IllegalArgumentException("misplaced file " + e.getKey());
            }
            copy.put(e.getKey(), e.getValue());
        }
        others = Collections.unmodifiableMap(copy);
    }

    /**
     * @param tab server.tab alone
     * @return the files
     */
    public static ServerFiles of(ServerTab tab) {
        return new ServerFiles(tab, Map.of());
    }

    /**
     * Reads server.tab and every editable file present in the MailRoot (none for a bare server.tab).
     *
     * @param root the MailRoot
     * @return the files
     */
    public static ServerFiles read(MailRoot root) {
        Map<MailRootFile, TabFile> others = new EnumMap<>(MailRootFile.class);
        for (MailRootFile kind : EDITABLE) {
            root.file(kind).ifPresent(f -> others.put(kind, f));
        }
        return new ServerFiles(root.serverTab(), others);
    }

    /**
     * @param kind a file
     * @return it, if present
     */
    public Optional<TabFile> file(MailRootFile kind) {
        return Optional.ofNullable(others.get(kind));
    }

    /**
     * @param tab a new server.tab
     * @return these files with it
     */
    public ServerFiles with(ServerTab tab) {
        return tab == serverTab ? this : new ServerFiles(tab, others);
    }

    /**
     * @param file a new version of another file
     * @return these files with it
     */
    public ServerFiles with(TabFile file) {
        Map<MailRootFile, TabFile> m = new EnumMap<>(MailRootFile.class);
        m.putAll(others);
        m.put(file.kind(), file);
        return new ServerFiles(serverTab, m);
    }

    /**
     * @param kind a file
     * @return its current bytes, if present
     */
    public Optional<byte[]> bytes(MailRootFile kind) {
        if (kind == MailRootFile.SERVER_TAB) {
            return Optional.of(serverTab.toBytes());
        }
        return file(kind).map(f -> f.document().toBytes());
    }

    /**
     * @param other other files
     * @return whether the same files are present, each with the same bytes
     */
    public boolean sameBytes(ServerFiles other) {
        Map<MailRootFile, byte[]> a = allBytes();
        Map<MailRootFile, byte[]> b = other.allBytes();
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    /** @return every file's bytes, server.tab first */
    public Map<MailRootFile, byte[]> allBytes() {
        Map<MailRootFile, byte[]> m = new EnumMap<>(MailRootFile.class);
        m.put(MailRootFile.SERVER_TAB, serverTab.toBytes());
        others.forEach((k, v) -> m.put(k, v.document().toBytes()));
        return m;
    }
}
