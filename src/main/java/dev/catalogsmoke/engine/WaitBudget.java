package dev.catalogsmoke.engine;

import dev.catalogsmoke.config.Catalog;
import dev.catalogsmoke.config.SmokeConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;

/**
 * The maximum time one run can spend in named waits, which a Job's {@code activeDeadlineSeconds} must exceed.
 *
 * <p>Waits run one after another. Per catalog the suite waits at most once for each budget in {@code waits}, and once
 * more for the CA Secret within {@code waits.secret}. Every {@code Duration} in {@link SmokeConfig.Waits} other than
 * the poll interval counts, so a budget added there is counted without a change here.
 */
public final class WaitBudget {

    private WaitBudget() {}

    public static Duration total(SmokeConfig.Waits waits) {
        Duration perCatalog = waits.secret();
        for (RecordComponent component : SmokeConfig.Waits.class.getRecordComponents()) {
            if (component.getType() == Duration.class && !component.getName().equals("pollInterval")) {
                perCatalog = perCatalog.plus(read(component, waits));
            }
        }
        // NOTE: a wait that runs once per tenant or realm, rather than per catalog, is undercounted here.
        return perCatalog.multipliedBy(Catalog.values().length);
    }

    private static Duration read(RecordComponent component, SmokeConfig.Waits waits) {
        try {
            return (Duration) component.getAccessor().invoke(waits);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read waits." + component.getName(), e);
        }
    }
}
