package uk.socialprescribing.directory.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A voluntary, community or social enterprise (VCSE) organisation that runs services. */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String name;

    private String description;

    protected Organization() {
    }

    public static Organization named(String name) {
        Organization organization = new Organization();
        organization.id = UUID.nameUUIDFromBytes(("organization:" + name).getBytes(StandardCharsets.UTF_8));
        organization.name = name;
        return organization;
    }

    /** An organisation a partner's token names, first met with its first listing. */
    public static Organization of(UUID id, String name) {
        Organization organization = new Organization();
        organization.id = id;
        organization.name = name;
        return organization;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }
}
