package org.accord.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientRegisterTest {

    @Test
    void shouldNameANationalBodyClientAfterItsMemberBodyCode() {
        ClientIdentity kenya = ClientIdentity.nationalBody("ke");

        assertThat(kenya.clientId()).isEqualTo("nb-ke");
        assertThat(kenya.memberBody()).isEqualTo("KE");
        assertThat(kenya.roles()).containsExactly(ClientIdentity.NATIONAL_BODY);
    }

    @Test
    void shouldRejectAMemberBodyCodeThatIsNotAlpha2() {
        assertThatThrownBy(() -> ClientIdentity.nationalBody("KEN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientIdentity.nationalBody("K1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotLetAClientWithoutTheNationalBodyRoleCarryAMemberBody() {
        assertThatThrownBy(() -> new ClientIdentity("editor", List.of(ClientIdentity.EDITOR), "KE"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRegisterTheEditorTheSecretariatAndOneClientPerMemberBody() {
        ClientRegister register = ClientRegister.withMemberBodies(List.of("KE", "DE"));

        assertThat(register.all()).extracting(ClientIdentity::clientId).containsExactly("editor", "secretariat", "nb-ke", "nb-de");
        assertThat(register.find("nb-de")).map(ClientIdentity::memberBody).contains("DE");
        assertThat(register.find("nb-fr")).isEmpty();
    }

    @Test
    void shouldRefuseTheSameMemberBodyTwice() {
        assertThatThrownBy(() -> ClientRegister.withMemberBodies(List.of("KE", "ke"))).isInstanceOf(IllegalArgumentException.class);
    }
}
