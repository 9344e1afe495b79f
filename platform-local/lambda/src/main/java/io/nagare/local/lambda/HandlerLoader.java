package io.nagare.local.lambda;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Finds a function's handler as the Lambda Java runtime does: {@code Class} implementing {@link RequestStreamHandler}
 * or {@link RequestHandler} with concrete type arguments, or {@code Class::method} naming a public method of a shape
 * the runtime accepts. Failures carry the runtime's messages; they are reported when the function is invoked.
 */
final class HandlerLoader {

    /** Longer signatures first, a trailing Context counting as one more parameter; bridge methods last. */
    private static final Comparator<Method> METHOD_PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(HandlerLoader::weight).reversed());

    private HandlerLoader() {
    }

    /** Creates the handler of one execution environment: a new instance each time, as each environment has. */
    @FunctionalInterface
    interface Factory {
        RequestStreamHandler create() throws FunctionFault;
    }

    /** The factory for {@code handler} ({@code com.example.Handler} or {@code com.example.Handler::method}). */
    static Factory load(String handler, ClassLoader classLoader) {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            return failing(FunctionError.fault("Invalid handler: `" + handler + "'", null), false);
        }
        Class<?> clazz;
        try {
            clazz = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException e) {
            return failing(FunctionError.fault("Class not found: " + className, e.getClass().getName()), false);
        } catch (LinkageError e) {
            String message = "Error loading class " + className + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return failing(FunctionError.fault(message, e.getClass().getName()), !(e instanceof NoClassDefFoundError));
        }
        return methodName == null ? classHandler(clazz, classLoader) : methodHandler(clazz, methodName, classLoader);
    }

    private static Factory classHandler(Class<?> clazz, ClassLoader classLoader) {
        if (RequestStreamHandler.class.isAssignableFrom(clazz)) {
            return () -> (RequestStreamHandler) newInstance(clazz);
        }
        if (!RequestHandler.class.isAssignableFrom(clazz)) {
            return failing(FunctionError.fault("Class does not implement an appropriate handler interface: "
                    + clazz.getName(), null), false);
        }
        Type[] types = requestHandlerTypes(clazz, Map.of());
        if (types == null) {
            return failing(FunctionError.fault("Class " + clazz.getName()
                    + " does not implement RequestHandler with concrete type parameters", null), false);
        }
        Type[] concrete = new Type[2];
        for (int i = 0; i < 2; i++) {
            concrete[i] = concrete(types[i]);
            if (concrete[i] == null) {
                return failing(FunctionError.fault("Class " + clazz.getName() + " does not implement RequestHandler"
                        + " with concrete type parameters: parameter " + types[i] + " has no upper bound.", null), false);
            }
        }
        Type output = isVoid(concrete[1]) ? null : concrete[1];
        return () -> HandlerAdapters.requestHandler((RequestHandler<?, ?>) newInstance(clazz), concrete[0], output,
                classLoader);
    }

    private static Factory methodHandler(Class<?> clazz, String methodName, ClassLoader classLoader) {
        Method[] candidates = Arrays.stream(clazz.getMethods()).filter(m -> m.getName().equals(methodName))
                .sorted(METHOD_PRIORITY).toArray(Method[]::new);
        for (Method method : candidates) {
            Factory factory = methodShape(clazz, method, classLoader);
            if (factory != null) {
                return factory;
            }
        }
        return failing(FunctionError.fault("No public method named " + methodName
                + " with appropriate method signature found on class " + clazz.getName(), null), false);
    }

    /** The handler for one overload, or null when its parameters are not a shape the runtime accepts. */
    private static Factory methodShape(Class<?> clazz, Method method, ClassLoader classLoader) {
        List<Class<?>> p = List.of(method.getParameterTypes());
        Type[] generic = method.getGenericParameterTypes();
        Type output = isVoid(method.getGenericReturnType()) ? null : method.getGenericReturnType();
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        boolean input = p.size() > 0 && p.get(0) == InputStream.class;
        boolean stream = p.contains(InputStream.class) || p.contains(OutputStream.class);
        if (stream) {
            boolean valid = switch (p.size()) {
                case 1 -> true;
                case 2 -> (input && (p.get(1) == OutputStream.class || p.get(1) == Context.class))
                        || (p.get(0) == OutputStream.class && p.get(1) == Context.class);
                case 3 -> input && p.get(1) == OutputStream.class && p.get(2) == Context.class;
                default -> false;
            };
            if (!valid) {
                return null;
            }
            boolean needsOutput = p.contains(OutputStream.class);
            boolean needsContext = p.get(p.size() - 1) == Context.class;
            return () -> HandlerAdapters.streamMethod(instanceFor(clazz, isStatic), method, input, needsOutput,
                    needsContext);
        }
        return switch (p.size()) {
            case 0 -> () -> HandlerAdapters.pojoMethod(instanceFor(clazz, isStatic), method, null, false, output,
                    classLoader);
            case 1 -> {
                boolean contextOnly = p.get(0) == Context.class;
                Type in = contextOnly ? null : generic[0];
                yield () -> HandlerAdapters.pojoMethod(instanceFor(clazz, isStatic), method, in, contextOnly, output,
                        classLoader);
            }
            case 2 -> p.get(1) == Context.class && p.get(0) != Context.class
                    ? () -> HandlerAdapters.pojoMethod(instanceFor(clazz, isStatic), method, generic[0], true, output,
                    classLoader)
                    : null;
            default -> null;
        };
    }

    /** RequestHandler's type arguments as {@code type} binds them, or null when it implements it raw. */
    private static Type[] requestHandlerTypes(Type type, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> v ? outer.getOrDefault(v, v) : argument);
            }
            if (raw == RequestHandler.class) {
                return new Type[]{bindings.get(variables[0]), bindings.get(variables[1])};
            }
        } else if (type instanceof Class<?> clazz) {
            raw = clazz;
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = requestHandlerTypes(parent, bindings);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : requestHandlerTypes(superclass, bindings);
    }

    /** The type itself, a type variable's first bound other than Object, or null when it has none. */
    private static Type concrete(Type type) {
        if (type instanceof TypeVariable<?> variable) {
            return Arrays.stream(variable.getBounds()).filter(b -> b != Object.class).findFirst().orElse(null);
        }
        return type;
    }

    private static Object instanceFor(Class<?> clazz, boolean isStatic) throws FunctionFault {
        return isStatic ? null : newInstance(clazz);
    }

    private static Object newInstance(Class<?> clazz) throws FunctionFault {
        Constructor<?> constructor;
        try {
            constructor = clazz.getConstructor();
        } catch (NoSuchMethodException e) {
            String message = clazz.getEnclosingClass() != null && !Modifier.isStatic(clazz.getModifiers())
                    ? "Class " + clazz.getName() + " cannot be instantiated because it is a non-static inner class"
                    : "Class " + clazz.getName() + " has no public zero-argument constructor";
            throw new FunctionFault(FunctionError.fault(message, Exception.class.getName()), false);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getLocalizedMessage() == null ? cause.getClass().getName() : cause.getLocalizedMessage();
            throw new FunctionFault(FunctionError.fault(message, cause.getClass().getName()), true);
        } catch (ReflectiveOperationException e) {
            throw new FunctionFault(FunctionError.fault(String.valueOf(e.getMessage()), e.getClass().getName()), true);
        }
    }

    private static Factory failing(FunctionError error, boolean fatal) {
        return () -> {
            throw new FunctionFault(error, fatal);
        };
    }

    private static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    private static int weight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean context = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
        return parameters.length + (context ? 1 : 0);
    }
}
