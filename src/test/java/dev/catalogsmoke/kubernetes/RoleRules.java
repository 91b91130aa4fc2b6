package dev.catalogsmoke.kubernetes;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the rules of a namespaced Role as Kubernetes RBAC does for resource requests: a rule matches when it lists
 * the verb, the API group and the resource (or {@code *}), and either lists no resourceNames or lists the name.
 */
public final class RoleRules {

    private final List<PolicyRule> rules;

    public RoleRules(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public boolean allows(String verb, String group, String resource, String name) {
        return rules.stream().anyMatch(rule -> matches(rule, verb, group, resource, name));
    }

    /** Returns every grant as {@code verb resource.group name}, with {@code *} for a rule without resourceNames. */
    public Set<String> grants() {
        Set<String> grants = new TreeSet<>();
        for (PolicyRule rule : rules) {
            for (String verb : rule.getVerbs()) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        List<String> names = rule.getResourceNames();
                        if (names == null || names.isEmpty()) {
                            grants.add(key(verb, group, resource, ""));
                        } else {
                            names.forEach(name -> grants.add(key(verb, group, resource, name)));
                        }
                    }
                }
            }
        }
        return grants;
    }

    public static String key(Permission permission) {
        return key(permission.verb(), permission.group(), permission.resource(), permission.name());
    }

    private static String key(String verb, String group, String resource, String name) {
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        return verb + " " + qualified + " " + (name.isEmpty() ? "*" : name);
    }

    private static boolean matches(PolicyRule rule, String verb, String group, String resource, String name) {
        List<String> names = rule.getResourceNames();
        boolean nameMatches = names == null || names.isEmpty() || (!name.isEmpty() && names.contains(name));
        return listsOrWildcard(rule.getVerbs(), verb)
                && listsOrWildcard(rule.getApiGroups(), group)
                && listsOrWildcard(rule.getResources(), resource)
                && nameMatches;
    }

    private static boolean listsOrWildcard(List<String> values, String value) {
        return values != null && (values.contains(value) || values.contains("*"));
    }
}
