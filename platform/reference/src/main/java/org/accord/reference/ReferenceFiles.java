package org.accord.reference;

/** Where the initial data lies on the classpath of every module that depends on accord-reference. */
public final class ReferenceFiles {

    /**
     * The member bodies Accord starts with: {@code code,name,localName,category} (ISO 3166-1 alpha-2
     * code, name in English, name in the body's own language, member | correspondent | subscriber).
     */
    public static final String MEMBER_BODIES = "org/accord/reference/member-bodies.csv";

    private ReferenceFiles() {
    }
}
