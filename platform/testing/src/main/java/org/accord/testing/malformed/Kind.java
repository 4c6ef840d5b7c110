package org.accord.testing.malformed;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * The kinds of malformed input, each with the operations it applies to and its one mutation of a
 * valid request. Declared in the order a plan lists them for an operation (the seed's plan
 * depends on that order).
 */
public enum Kind {
    WRONG_CONTENT_TYPE(Kind::hasBody, BodyMutations::wrongContentType),
    OVERSIZED_BODY(Kind::hasBody, BodyMutations::oversizedBody),
    MALFORMED_JSON(Kind::takesJson, JsonMutations::malformedJson),
    WRONG_TYPE(Kind::takesJson, JsonMutations::wrongType),
    HUGE_NUMBER(Kind::takesJson, JsonMutations::hugeNumber),
    EMPTY_BODY(operation -> hasBody(operation) && operation.body().required(), BodyMutations::emptyBody),
    MISSING_REQUIRED(operation -> takesJson(operation) && Schemas.hasRequired(schema(operation)), JsonMutations::missingRequired),
    UNKNOWN_FIELD(operation -> takesJson(operation)
            && (schema(operation).has("properties") || schema(operation).path("items").has("properties")), JsonMutations::unknownField),
    OVERSIZED_STRING(operation -> takesJson(operation) && !Schemas.stringProperties(schema(operation)).isEmpty(),
            JsonMutations::oversizedString),
    UNKNOWN_ENUM(operation -> takesJson(operation) && !Schemas.enumProperties(schema(operation)).isEmpty(),
            JsonMutations::unknownEnum),
    MALFORMED_FILE(operation -> hasBody(operation) && !operation.body().nonJsonTypes().isEmpty(), BodyMutations::malformedFile),
    INVALID_PATH_VALUE(operation -> !operation.in("path").isEmpty(), ParameterMutations::invalidPathValue),
    INVALID_QUERY_VALUE(operation -> !operation.in("query").isEmpty(), ParameterMutations::invalidQueryValue),
    MISSING_QUERY_VALUE(operation -> operation.in("query").stream().anyMatch(Operation.Parameter::required),
            ParameterMutations::missingQueryValue),
    INVALID_HEADER_VALUE(operation -> !operation.malformableHeaders().isEmpty(), ParameterMutations::invalidHeaderValue),
    /** Only for a safe operation that takes nothing else that could be malformed (see {@link #applicable}). */
    UNEXPECTED_QUERY(operation -> false, ParameterMutations::unexpectedQuery);

    /** One kind's change to a valid draft, drawing every choice from {@code random}. */
    @FunctionalInterface
    interface Mutation {
        void apply(Draft draft, Operation operation, Random random);
    }

    private final Predicate<Operation> appliesTo;
    private final Mutation mutation;

    Kind(Predicate<Operation> appliesTo, Mutation mutation) {
        this.appliesTo = appliesTo;
        this.mutation = mutation;
    }

    void malform(Draft draft, Operation operation, Random random) {
        mutation.apply(draft, operation, random);
    }

    /** The kinds that apply to an operation, in declaration order; none where it takes nothing that could be malformed. */
    static List<Kind> applicable(Operation operation) {
        List<Kind> kinds = Arrays.stream(values()).filter(kind -> kind.appliesTo.test(operation)).toList();
        if (kinds.isEmpty() && operation.safe()) {
            return List.of(UNEXPECTED_QUERY);
        }
        return kinds;
    }

    private static boolean hasBody(Operation operation) {
        return operation.body() != null;
    }

    private static boolean takesJson(Operation operation) {
        return hasBody(operation) && operation.body().acceptsJson();
    }

    private static JsonNode schema(Operation operation) {
        return operation.body().jsonSchema();
    }
}
