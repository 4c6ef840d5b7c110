package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class StoreQueriesTest {

    final String database = "queries-" + UUID.randomUUID();

    private Map<StoreQueries.Shape, Optional<String>> sent(String command, String json) {
        StoreQueries.record(database, command, BsonDocument.parse(json));
        return StoreQueries.served(database);
    }

    @Test
    void shouldServeAFilterOnTheFirstFieldOfADeclaredIndexAndNotOneOnItsSecond() {
        sent("createIndexes", "{createIndexes: 'ballots', indexes: [{name: 'status_deadline', key: {'state.status': 1, 'state.deadline': 1}}]}");
        sent("find", "{find: 'ballots', filter: {'state.status': 'OPEN', 'state.deadline': {$lte: 5}}}");
        Map<StoreQueries.Shape, Optional<String>> served = sent("find", "{find: 'ballots', filter: {'state.deadline': {$lte: 5}}}");

        assertThat(served).hasSize(2);
        assertThat(served.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey().filter()).containsExactly("state.status", "state.deadline");
            assertThat(e.getValue()).contains("[state.status, state.deadline]");
        });
        assertThat(served.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey().filter()).containsExactly("state.deadline");
            assertThat(e.getValue()).isEmpty();
        });
    }

    @Test
    void shouldServeIdLookupsAndCountsButNotASortOrAPipelineOverTheWholeCollection() {
        sent("update", "{update: 'drafts', updates: [{q: {_id: 'd-1', version: 3}, u: {$set: {a: 1}}}]}");
        sent("aggregate", "{aggregate: 'drafts', pipeline: [{$match: {}}, {$group: {_id: 1, n: {$sum: 1}}}]}");
        sent("find", "{find: 'drafts', filter: {}, sort: {updatedAt: 1}}");
        Map<StoreQueries.Shape, Optional<String>> served = sent("aggregate", "{aggregate: 'drafts', pipeline: [{$group: {_id: '$a'}}]}");

        assertThat(served.values().stream().filter(Optional::isPresent).map(Optional::get)).containsExactlyInAnyOrder("_id", "(collection count)");
        assertThat(served.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> e.getKey().command()))
                .containsExactlyInAnyOrder("find", "aggregate [$group]");
    }

    @Test
    void shouldListAStartUpMigrationsOnePassAsSuchAndServeExactSlotLookupsByTheirUniqueIndex() {
        sent("createIndexes", "{createIndexes: 'submissions', indexes: [{name: 'parent_slot', key: {slot: 1}, unique: true, sparse: true}]}");
        sent("find", "{find: 'submissions', filter: {slot: {$in: ['p#1', 'p#2']}}}");
        Map<StoreQueries.Shape, Optional<String>> served = sent("find",
                "{find: 'submissions', filter: {slot: {$exists: false}}, comment: '" + StoreQueries.ONE_OFF + "'}");

        assertThat(served.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey().command()).isEqualTo("find");
            assertThat(e.getValue()).contains("[slot]");
        });
        assertThat(served.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey().command()).isEqualTo("find (one-off migration)");
            assertThat(e.getValue()).hasValueSatisfying(v -> assertThat(v).contains("migration"));
        });
    }
}
