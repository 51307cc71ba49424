package dev.greenlight.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/**
 * Signed checkpoints: the chain's head signed with a key the database does not hold, so that whoever can write the
 * tables still cannot re-hash the chain unseen.
 */
@QuarkusTest
class AuditCheckpointTest {
    @Inject
    Fixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    DataSource dataSource;
    @Inject
    AuditCheckpoints checkpointJob;

    @BeforeEach
    void someHistory() {
        ResetDatabase.emptyAllTables(dataSource);
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "signed-1", "\"@neuronx/core\": minor", "Signed change 1");
        fixtures.changeset(Users.ALICE, "signed-2", "\"@neuronx/api\": patch", "Signed change 2");
    }

    private static ValidatableResponse checkpoint(Users who) {
        return given().header("Authorization", who.bearer()).post("/api/v1/audit/checkpoints").then();
    }

    private static ValidatableResponse verification() {
        return given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200);
    }

    private static AuditEvent head() {
        return AuditEvent.<AuditEvent>find("order by id desc").firstResult();
    }

    private long checkpoints() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from audit_checkpoint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aCheckpointSignsTheHeadAndVerificationChecksIt() throws Exception {
        AuditEvent head = head();
        int id = checkpoint(Users.ADA).statusCode(201)
                .body("eventId", equalTo(head.id.intValue()))
                .body("eventHash", equalTo(head.hash))
                .body("keyId", notNullValue())
                .body("signature", notNullValue())
                .extract()
                .path("id");
        verification().body("intact", equalTo(true))
                .body("checkpoints", equalTo(1))
                .body("signedThroughId", equalTo(head.id.intValue()));
        // nothing new to sign: the same checkpoint, not a second one
        checkpoint(Users.ADA).statusCode(200).body("id", equalTo(id));
        assertThat(checkpoints()).isEqualTo(1);

        fixtures.submittedRelease(Users.ALICE, "After the checkpoint", "signed-1");
        verification().body("intact", equalTo(true))
                .body("signedThroughId", equalTo(head.id.intValue()))
                .body("unsignedEvents", equalTo((int) (head().id - head.id)));
    }

    @Test
    void aChainReHashedAfterACheckpointFailsAgainstTheSignature() {
        fixtures.submittedRelease(Users.ALICE, "Signed", "signed-1");
        AuditEvent head = head();
        checkpoint(Users.ADA).statusCode(201);

        // the owner rewrites an early event and re-hashes every event after it: each link and hash is consistent again
        List<AuditEvent> events = AuditEvent.list("order by id");
        long victim = events.get(1).id;
        events.get(1).actor = "mallory";
        String previous = AuditLog.GENESIS;
        List<String> updates = new ArrayList<>();
        for (AuditEvent event : events) {
            event.prevHash = previous;
            event.hash = audit.hash(event);
            previous = event.hash;
            updates.add("update audit_event set actor = '" + event.actor + "', prev_hash = '" + event.prevHash
                    + "', hash = '" + event.hash + "' where id = " + event.id);
        }
        ResetDatabase.asOwner(dataSource, s -> {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            try {
                for (String update : updates) {
                    s.execute(update);
                }
            } finally {
                s.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        });
        assertThat(AuditEvent.<AuditEvent>findById(victim).actor).isEqualTo("mallory");

        verification().body("intact", equalTo(false))
                .body("breakCount", equalTo(1))
                .body("breaks", hasSize(1))
                .body("breaks[0].eventId", equalTo(head.id.intValue()))
                .body("breaks[0].checkpointId", notNullValue())
                .body("breaks[0].problem", containsString("no longer has the hash signed"))
                .body("signedThroughId", nullValue());
        PageSession.signIn(Users.PETE)
                .request()
                .get("/audit/verification")
                .then()
                .statusCode(200)
                .body(containsString("no longer has the hash signed"));
    }

    @Test
    void theExportCarriesThePublicKeyAndEachCheckpointVerifiesOffline() throws Exception {
        checkpoint(Users.ADA).statusCode(201);
        fixtures.submittedRelease(Users.ALICE, "Between two checkpoints", "signed-2");
        checkpoint(Users.ADA).statusCode(201);

        JsonPath export = given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/audit/checkpoints")
                .then()
                .statusCode(200)
                .body("algorithm", equalTo("Ed25519"))
                .body("checkpoints", hasSize(2))
                .extract()
                .jsonPath();
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(export.getString("publicKeys[0].pem")
                                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""))));
        for (int i = 0; i < 2; i++) {
            String message = export.getString("checkpoints[" + i + "].message");
            assertThat(message).contains(export.getString("checkpoints[" + i + "].eventHash"));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(Base64.getDecoder()
                    .decode(export.getString("checkpoints[" + i
                            + "].signature"))))
                    .as("checkpoint %d", i)
                    .isTrue();
        }
        assertThat(export.getString("checkpoints[1].eventHash")).isEqualTo(head().hash);
    }

    @Test
    void aRemovedOrForgedCheckpointIsReported() throws Exception {
        for (int i = 0; i < 3; i++) {
            fixtures.changeset(Users.BOB, "between-" + i, "\"@neuronx/api\": patch", "Between " + i);
            checkpoint(Users.ADA).statusCode(201);
        }
        JsonPath export = given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/audit/checkpoints")
                .then()
                .extract()
                .jsonPath();
        long second = export.getLong("checkpoints[1].id");
        ResetDatabase.asOwner(dataSource, s -> {
            s.execute("alter table audit_checkpoint disable trigger audit_checkpoint_append_only");
            try {
                s.execute("delete from audit_checkpoint where id = " + second);
            } finally {
                s.execute("alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
            }
        });
        verification().body("intact", equalTo(false))
                .body("breaks", hasSize(1))
                .body("breaks[0].checkpointId", equalTo(export.getInt("checkpoints[2].id")))
                .body("breaks[0].problem", containsString("was removed"));

        // a checkpoint signed with a key of the attacker's own does not count
        fixtures.changeset(Users.BOB, "after-removal", "\"@neuronx/api\": patch", "After the removal");
        KeyPair mallory = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(mallory.getPrivate());
        signer.update("forged".getBytes(StandardCharsets.UTF_8));
        String forged = Base64.getEncoder().encodeToString(signer.sign());
        AuditEvent head = head();
        ResetDatabase.asOwner(dataSource, s -> s.execute("insert into audit_checkpoint (event_id, event_hash, "
                + "signed_at, created_by, key_id, previous, signature) values (" + head.id + ", '" + head.hash
                + "', now(), 'mallory', 'mallory-key', '" + "0".repeat(64) + "', '" + forged + "')"));
        verification().body("intact", equalTo(false))
                .body("breaks.problem", org.hamcrest.Matchers.hasItem(containsString("not a trusted key")));
    }

    @Test
    void onlyAdminsTakeACheckpointOnDemandAndEveryoneMayReadThem() throws Exception {
        for (Users who : List.of(Users.ALICE, Users.CAROL, Users.LEAH, Users.MAX, Users.CI)) {
            checkpoint(who).statusCode(403);
        }
        given().post("/api/v1/audit/checkpoints").then().statusCode(401);
        assertThat(checkpoints()).isZero();
        for (Users who : Users.onePerRole()) {
            given().header("Authorization", who.bearer())
                    .get("/api/v1/audit/checkpoints")
                    .then()
                    .statusCode(200)
                    .body("checkpoints", hasSize(0))
                    .body("publicKeys.keyId", everyItem(notNullValue()));
        }
    }

    /** Every instance runs the scheduled job: at the same moment, they sign the head once. */
    @Test
    void severalInstancesSignAHeadOnce() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(instances.submit(() -> checkpointJob.scheduled()));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }
        assertThat(checkpoints()).isEqualTo(1);
        verification().body("intact", equalTo(true)).body("signedThroughId", equalTo(head().id.intValue()));
    }

    @Test
    void theAuditPageShowsTheLatestCheckpoint() {
        AuditEvent head = head();
        PageSession pete = PageSession.signIn(Users.PETE);
        pete.request()
                .get("/audit/verification")
                .then()
                .statusCode(200)
                .body(containsString("No signed checkpoint yet"));
        checkpoint(Users.ADA).statusCode(201);
        pete.request()
                .get("/audit/verification")
                .then()
                .statusCode(200)
                .body(containsString("Signed through event " + head.id));
    }
}
