package dev.switchboard.conversation.store;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Contact;
import dev.switchboard.conversation.Contacts;
import dev.switchboard.shared.NotFound;
import dev.switchboard.shared.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcContacts implements Contacts {

    private static final String COLUMNS = "tenant_id, id, display_name, language, customer_ref, customer_name, verified_at, created_at";

    private final JdbcClient jdbc;

    JdbcContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Two first messages racing for one new address both end with the same contact (insert, then re-read). */
    @Override
    public Contact contactFor(Channel channel, String address, String displayName) {
        UUID tenant = TenantScope.requireTenant();
        var existing = jdbc.sql("select contact_id from contact_channels where channel = :channel and address = :address")
                .param("channel", channel.wireName()).param("address", address).query(UUID.class).optional();
        if (existing.isPresent()) {
            return get(existing.get());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into contacts (tenant_id, id, display_name) values (:tenant, :id, :name)")
                .param("tenant", tenant).param("id", id).param("name", displayName).update();
        int linked = jdbc.sql("""
                insert into contact_channels (tenant_id, channel, address, contact_id) values (:tenant, :channel, :address, :id)
                on conflict do nothing""")
                .param("tenant", tenant).param("channel", channel.wireName()).param("address", address).param("id", id)
                .update();
        if (linked == 0) {
            jdbc.sql("delete from contacts where id = :id").param("id", id).update();
            return contactFor(channel, address, displayName);
        }
        return get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Contact get(UUID contactId) {
        return jdbc.sql("select " + COLUMNS + " from contacts where id = :id").param("id", contactId)
                .query(JdbcContacts::map).optional().orElseThrow(() -> new NotFound("contact"));
    }

    @Override
    public Contact verifyCustomer(UUID contactId, String customerRef, String customerName) {
        int rows = jdbc.sql("""
                update contacts set customer_ref = :ref, customer_name = :name, verified_at = now(),
                       display_name = coalesce(display_name, :name) where id = :id""")
                .param("ref", customerRef).param("name", customerName).param("id", contactId).update();
        if (rows == 0) {
            throw new NotFound("contact");
        }
        return get(contactId);
    }

    @Override
    public void setLanguage(UUID contactId, String language) {
        jdbc.sql("update contacts set language = :language where id = :id and language is distinct from :language")
                .param("language", language).param("id", contactId).update();
    }

    static Contact map(ResultSet rs, int n) throws SQLException {
        Timestamp verified = rs.getTimestamp("verified_at");
        return new Contact(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("display_name"), rs.getString("language"), rs.getString("customer_ref"),
                rs.getString("customer_name"), verified == null ? null : verified.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
