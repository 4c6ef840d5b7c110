package org.accord.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

class StoreDurabilityTest {

    @Test
    void shouldAskForMajorityJournaledWritesAndMajorityReadsWhereTheUriNamesNone() {
        MongoClientSettings settings = customized("mongodb://db-0:27017,db-1:27017/?replicaSet=rs0");
        assertThat(settings.getWriteConcern().getWObject()).isEqualTo("majority");
        assertThat(settings.getWriteConcern().getJournal()).isTrue();
        assertThat(settings.getReadConcern().getLevel()).isEqualTo(ReadConcernLevel.MAJORITY);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(10);
    }

    @Test
    void shouldKeepTheConcernsAUriNamesItself() {
        MongoClientSettings settings = customized("mongodb://db:27017/?w=2&readConcernLevel=local&serverSelectionTimeoutMS=2000");
        assertThat(settings.getWriteConcern()).isEqualTo(new WriteConcern(2));
        assertThat(settings.getReadConcern()).isEqualTo(ReadConcern.LOCAL);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(2000);
    }

    @Test
    void shouldMatchTheDefaultUriOfThePlatform() throws Exception {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/accord-defaults/20-messaging.properties")) {
            defaults.load(in);
        }
        String uri = defaults.getProperty("spring.mongodb.uri").replaceAll("\\$\\{MONGODB_URI:(.*)}", "$1");
        com.mongodb.ConnectionString named = new com.mongodb.ConnectionString(uri);
        assertThat(named.getWriteConcern()).isEqualTo(StoreDurability.WRITE_CONCERN);
        assertThat(named.getReadConcern()).isEqualTo(StoreDurability.READ_CONCERN);
    }

    private static MongoClientSettings customized(String uri) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(new com.mongodb.ConnectionString(uri));
        new StoreDurability(uri).customize(builder);
        return builder.build();
    }
}
