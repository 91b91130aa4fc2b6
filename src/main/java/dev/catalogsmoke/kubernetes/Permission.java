package dev.catalogsmoke.kubernetes;

/**
 * One Kubernetes API permission in the run's namespace, as a Role rule grants it and a SelfSubjectAccessReview
 * requests it.
 *
 * @param verb API verb, such as {@code get}
 * @param group API group, empty for the core group
 * @param resource plural resource name, such as {@code secrets}
 * @param name object name that the Role lists in {@code resourceNames}, or empty for any object. RBAC cannot limit
 *     {@code create} and {@code list} to names, so those are always empty.
 * @param neededFor what in the suite uses the permission, for messages
 */
public record Permission(String verb, String group, String resource, String name, String neededFor) {

    /** Returns the resource with its group, as kubectl names it: {@code databases.postgresql.cnpg.io}. */
    public String qualifiedResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    /** Returns verb, resource and name, such as {@code get secrets ameide/identity-db-credentials}. */
    public String describe(String namespace) {
        String object = name.isEmpty() ? "(any name)" : name;
        return verb + " " + qualifiedResource() + " " + namespace + "/" + object;
    }
}
