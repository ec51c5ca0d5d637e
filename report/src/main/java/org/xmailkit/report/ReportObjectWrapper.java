package org.xmailkit.report;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FreeMarker's default object wrapper, except for xmailkit's own records and enums (the page models and the labels
 * they carry): a template's {@code r.name()} on one of them calls the method through a handle found once per class,
 * where the bean wrapper introspects, looks the method up, unwraps arguments and invokes it reflectively on every call.
 * What the template sees is the same: a hash of the object's methods that prints as its {@code toString()}, each method
 * returning its value wrapped by this wrapper; any other member (a method with arguments, one of {@link Object}'s) is
 * answered by the bean wrapper itself.
 */
final class ReportObjectWrapper extends DefaultObjectWrapper {

    /** The one instance, set on the report's configuration. */
    static final ReportObjectWrapper INSTANCE = new ReportObjectWrapper();

    /** The methods of {@link Enum} a template may call on an enum besides its own. */
    private static final Set<String> ENUM_METHODS = Set.of("name", "ordinal", "toString");

    private static final MethodType ACCESSOR = MethodType.methodType(Object.class, Object.class);

    /** Per class, its methods without arguments by name; empty for classes the bean wrapper wraps. */
    private static final ClassValue<Map<String, MethodHandle>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return methods(type);
        }
    };

    private ReportObjectWrapper() {
        super(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34), true);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        Map<String, MethodHandle> methods = METHODS.get(obj.getClass());
        return methods.isEmpty() ? super.handleUnknownType(obj) : new Model(obj, methods);
    }

    private static Map<String, MethodHandle> methods(Class<?> type) {
        if (!(type.isRecord() || type.isEnum())
                || !Modifier.isPublic(type.getModifiers())
                || !type.getName().startsWith("org.xmailkit.")) {
            return Map.of();
        }
        Map<String, MethodHandle> out = new HashMap<>();
        for (Method m : type.getMethods()) {
            boolean own = m.getDeclaringClass() == type
                    || (type.isEnum() && m.getDeclaringClass() == Enum.class && ENUM_METHODS.contains(m.getName()));
            if (!own
                    || m.getParameterCount() != 0
                    || m.getReturnType() == void.class
                    || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                out.put(m.getName(), MethodHandles.publicLookup().unreflect(m).asType(ACCESSOR));
            } catch (IllegalAccessException e) {
                // Not callable from here: the bean wrapper answers for it.
            }
        }
        return Map.copyOf(out);
    }

    /** One of xmailkit's records or enums, as a template sees it. */
    private final class Model
            implements TemplateHashModel, TemplateScalarModel, AdapterTemplateModel, WrapperTemplateModel {

        private final Object object;
        private final Map<String, MethodHandle> methods;
        private TemplateHashModel bean;

        Model(Object object, Map<String, MethodHandle> methods) {
            this.object = object;
            this.methods = methods;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle h = methods.get(key);
            return h == null ? bean().get(key) : new Call(this, key, h);
        }

        /** The bean wrapper's model of the object, for whatever this one does not answer. */
        TemplateHashModel bean() throws TemplateModelException {
            if (bean == null) {
                bean = (TemplateHashModel) ReportObjectWrapper.super.handleUnknownType(object);
            }
            return bean;
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public String getAsString() {
            return object.toString();
        }

        @Override
        public Object getAdaptedObject(@SuppressWarnings("rawtypes") Class hint) {
            return object;
        }

        @Override
        public Object getWrappedObject() {
            return object;
        }
    }

    /** {@code object.method()} in a template: the value, which the template's object wrapper wraps. */
    private record Call(Model model, String key, MethodHandle handle) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (!arguments.isEmpty()) {
                return ((TemplateMethodModelEx) model.bean().get(key)).exec(arguments);
            }
            try {
                return (Object) handle.invokeExact(model.object);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException(key + "() failed: " + e, e);
            }
        }
    }
}
