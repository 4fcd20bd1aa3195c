package io.phasesweep.engine.model;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The models found through {@link ServiceLoader} on the classpath, by id. */
public final class ModelRegistry {
    private final Map<String, Model> models;

    private ModelRegistry(Map<String, Model> models) {
        this.models = Collections.unmodifiableMap(models);
    }

    public static ModelRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static ModelRegistry load(ClassLoader loader) {
        Map<String, Model> byId = new TreeMap<>();
        for (Model m : ServiceLoader.load(Model.class, loader)) {
            Model previous = byId.putIfAbsent(m.id(), m);
            if (previous != null && previous.getClass() != m.getClass()) {
                throw new IllegalStateException("two models have the id '" + m.id() + "': "
                        + previous.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        return new ModelRegistry(byId);
    }

    /** The model with this id, or null. */
    public Model find(String id) {
        return models.get(id);
    }

    /** All models, sorted by id. */
    public Map<String, Model> all() {
        return models;
    }
}
