package org.accord.identity.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class SigningKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void shouldCreateTheKeyOnceAndReadTheSameKeyLater() {
        Path file = directory.resolve("nested/identity/jwk.json");

        RSAKey created = new SigningKeyFile(file).loadOrCreate();
        RSAKey reloaded = new SigningKeyFile(file).loadOrCreate();

        assertThat(file).exists();
        assertThat(created.isPrivate()).isTrue();
        assertThat(created.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(created.size()).isEqualTo(2048);
        assertThat(reloaded).isEqualTo(created);
    }

    @Test
    void shouldGiveInstancesStartingAtTheSameMomentOneKey() throws Exception {
        Path file = directory.resolve("shared/identity/jwk.json");
        int instances = 8;
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<RSAKey>> keys = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return new SigningKeyFile(file).loadOrCreate();
                }));
            }
            Set<RSAKey> distinct = new HashSet<>();
            for (Future<RSAKey> key : keys) {
                distinct.add(key.get(60, TimeUnit.SECONDS));
            }

            assertThat(distinct).hasSize(1);
            assertThat(new SigningKeyFile(file).loadOrCreate()).isEqualTo(distinct.iterator().next());
            try (var left = Files.list(file.getParent())) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("jwk.json");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAKeyFileWithoutAPrivateKey() throws Exception {
        Path file = directory.resolve("jwk.json");
        RSAKey key = new SigningKeyFile(directory.resolve("other.json")).loadOrCreate();
        Files.writeString(file, "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");

        assertThatThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No private RSA key");
    }

    @Test
    void shouldReadEveryMemberBodyOfTheSeedList() {
        assertThat(MemberBodyRegister.codes(new ClassPathResource(org.accord.reference.ReferenceFiles.MEMBER_BODIES)))
                .hasSize(32)
                .contains("KE", "DE", "VN", "SA")
                .doesNotContain("code");
    }

    @Test
    void shouldNameTheRowOfAMalformedMemberBodyCode() {
        ByteArrayResource csv = new ByteArrayResource("code,name\nKE,Kenya\nKEN,Kenya again\n".getBytes());

        assertThatThrownBy(() -> MemberBodyRegister.codes(csv)).hasMessageContaining("Row 3");
    }
}
