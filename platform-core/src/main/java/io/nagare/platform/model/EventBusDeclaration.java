package io.nagare.platform.model;

/**
 * An EventBridge event bus. {@code default} names the account's default bus, which exists already.
 *
 * @param name                 the bus name
 * @param owner                the bounded context that owns it
 * @param archiveRetentionDays days an archive of every event on the bus keeps them (0: for ever); null for no
 *                             archive (the default)
 */
public record EventBusDeclaration(String name, String owner, Integer archiveRetentionDays) {

    static final String KIND = "bus";

    public EventBusDeclaration {
        Declarations.requireName(KIND, name);
        Declarations.require(KIND, name, "owner", owner);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(name).owner(owner).archiveRetentionDays(archiveRetentionDays);
    }

    public Reference reference() {
        return Reference.bus(name);
    }

    /** Builds an {@link EventBusDeclaration}; see the record for each field's default. */
    public static final class Builder {
        private final String name;
        private String owner;
        private Integer archiveRetentionDays;

        private Builder(String name) {
            this.name = name;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** Archives every event on the bus for {@code days} (0: for ever), so events can be replayed. */
        public Builder archiveRetentionDays(Integer days) {
            this.archiveRetentionDays = days;
            return this;
        }

        public EventBusDeclaration build() {
            return new EventBusDeclaration(name, owner, archiveRetentionDays);
        }
    }
}
