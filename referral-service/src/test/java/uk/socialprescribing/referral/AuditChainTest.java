package uk.socialprescribing.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.socialprescribing.referral.Referrals.PCN;
import static uk.socialprescribing.referral.Referrals.PRACTICE;
import static uk.socialprescribing.referral.Referrals.refer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.socialprescribing.audit.AuditChain;
import uk.socialprescribing.testing.TestTokens;

/**
 * The audit log is append-only and tamper-evident: the database refuses to change or delete a row, and the verify
 * endpoint finds a row altered or removed behind its back (as the database's owner could).
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    AuditChain chain;

    @Inject
    DataSource dataSource;

    private JsonPath verify() {
        return given().auth().oauth2(Referrals.admin()).when().get("/api/referrals/audit/verify").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Seals until nothing written so far is left outside the chain; the id of the newest sealed row. */
    private long sealed() throws SQLException {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            chain.seal();
            return count("select count(*) from audit.personal_data_read where seq is null") == 0;
        });
        return count("select max(id) from audit.personal_data_read");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** What the database's owner could do: statements with the triggers off (session_replication_role replica). */
    private void behindItsBack(String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            try {
                for (String each : sql) {
                    statement.execute(each);
                }
            } finally {
                statement.execute("set session_replication_role = origin");
            }
        }
    }

    @Test
    void aTamperedOrRemovedRowIsFoundByTheVerifyEndpointAndTheLogReadsIntactAgainOnceRestored() throws Exception {
        String id = refer(PRACTICE);
        given().auth().oauth2(TestTokens.linkWorker("lw-chain", PCN)).when().get("/api/referrals/{id}", id).then().statusCode(200);
        long row = sealed();
        JsonPath intact = verify();
        assertEquals("intact", intact.getString("status"), intact.prettify());
        assertTrue(intact.getLong("sealedRows") >= 1 && intact.getLong("headSeq") == intact.getLong("sealedRows"), intact.prettify());
        assertEquals(64, intact.getString("headHash").length());

        long seq = count("select seq from audit.personal_data_read where id = " + row);
        String reader = "select read_by from audit.personal_data_read where id = " + row;
        String original;
        try (Connection connection = dataSource.getConnection(); var query = connection.createStatement().executeQuery(reader)) {
            query.next();
            original = query.getString(1);
        }
        // who read it, rewritten
        behindItsBack("update audit.personal_data_read set read_by = 'someone-else' where id = " + row);
        JsonPath altered = verify();
        assertEquals("broken", altered.getString("status"), altered.prettify());
        assertEquals("altered", altered.getString("firstBreak.problem"));
        assertEquals(seq, altered.getLong("firstBreak.seq"));
        assertEquals(row, altered.getLong("firstBreak.id"));
        behindItsBack("update audit.personal_data_read set read_by = '" + original + "' where id = " + row);
        assertEquals("intact", verify().getString("status"));

        // the row removed, then put back as it was
        sealed();
        behindItsBack("create temporary table kept as select * from audit.personal_data_read where id = " + row,
                "delete from audit.personal_data_read where id = " + row);
        JsonPath removed = verify();
        assertEquals("broken", removed.getString("status"), removed.prettify());
        assertEquals(seq, removed.getLong("firstBreak.seq"));
        assertEquals(seq == removed.getLong("headSeq") ? "cut-short" : "missing", removed.getString("firstBreak.problem"));
        behindItsBack("insert into audit.personal_data_read overriding system value select * from kept", "drop table kept");
        assertEquals("intact", verify().getString("status"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnAuditRow() throws Exception {
        given().auth().oauth2(TestTokens.linkWorker("lw-chain", PCN)).when().get("/api/referrals/{id}", refer(PRACTICE)).then().statusCode(200);
        long row = sealed();
        assertTrue(row > 0);
        for (String change : new String[] { "update audit.personal_data_read set purpose = 'nothing' where id = " + row,
                "delete from audit.personal_data_read where id = " + row, "truncate audit.personal_data_read" }) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute(change);
                }
            }, change);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    @Test
    void readingTheAuditAndCheckingItAreThemselvesAuditedAndAdminOnly() {
        String id = refer(PRACTICE);
        given().auth().oauth2(Referrals.admin()).queryParam("subjectId", id).when().get("/api/referrals/audit").then().statusCode(200);
        given().auth().oauth2(Referrals.admin()).queryParam("subjectId", id).when().get("/api/referrals/audit").then().statusCode(200)
                .body("contents.purpose", hasItem("audit-log"));
        verify();
        given().auth().oauth2(Referrals.admin()).queryParam("subjectId", "00000000-0000-0000-0000-000000000000").when()
                .get("/api/referrals/audit").then().statusCode(200).body("totalItems", greaterThanOrEqualTo(1))
                .body("contents.purpose", hasItem("audit-verify"));
        given().auth().oauth2(TestTokens.linkWorker("lw-chain", PCN)).when().get("/api/referrals/audit/verify").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/api/referrals/audit/verify").then().statusCode(401);
        given().auth().oauth2(Referrals.admin()).when().post("/api/referrals/audit/verify").then().statusCode(405)
                .body("status", equalTo(405));
    }
}
