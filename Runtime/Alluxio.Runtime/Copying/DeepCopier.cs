using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Alluxio.Runtime.Copying;

/// <summary>
/// Copies argument and result graphs so caller and grain never share mutable state (Orleans' copy semantics).
/// Immutable values (see <see cref="TypeImmutability"/>) are shared; arrays, lists, dictionaries and sets are copied
/// element by element; protobuf messages with their deep Clone(); other objects field by field, keeping shared
/// references and cycles intact. Delegates cannot be copied and are refused with a clear error.
/// </summary>
internal static class DeepCopier
{
    private delegate object TypeCopier(object original, CopyContext context);

    private static readonly ConcurrentDictionary<Type, TypeCopier?> Copiers = new();

    /// <summary>A copy of <paramref name="value"/> that shares no mutable state with it.</summary>
    public static T Copy<T>(T value)
    {
        if (Policy<T>.AlwaysShared || value is null)
        {
            return value;
        }

        var type = value.GetType();
        var copier = GetCopier(type);
        return copier is null ? value : (T)copier(value, new CopyContext());
    }

    private static object? CopyValue(object? value, CopyContext context)
    {
        if (value is null)
        {
            return null;
        }

        var copier = GetCopier(value.GetType());
        if (copier is null)
        {
            return value;
        }

        if (!value.GetType().IsValueType && context.TryGetCopy(value, out var existing))
        {
            return existing;
        }

        return copier(value, context);
    }

    /// <summary>Null when values of the type are immutable and shared as they are.</summary>
    private static TypeCopier? GetCopier(Type type) =>
        Copiers.TryGetValue(type, out var copier) ? copier : Copiers.GetOrAdd(type, static t => CreateCopier(t));

    private static TypeCopier? CreateCopier(Type type)
    {
        if (TypeImmutability.IsImmutable(type))
        {
            return null;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return static (o, _) => throw new ArgumentException(
                $"A delegate ({o.GetType().Name}) cannot be passed to or returned from a grain call: it cannot be copied.");
        }

        if (type.IsArray)
        {
            return CopyArray;
        }

        if (TypeImmutability.IsProtobufMessage(type))
        {
            var clone = type.GetMethod("Clone", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{type} has no Clone() method.");
            var invoker = (Func<object, object>)CreateCloneDelegate(type, clone);
            return (o, ctx) =>
            {
                var copy = invoker(o);
                ctx.Record(o, copy);
                return copy;
            };
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>))
            {
                var method = typeof(DeepCopier).GetMethod(
                    definition == typeof(List<>) ? nameof(CopyList) : definition == typeof(HashSet<>) ? nameof(CopyHashSet) : nameof(CopyDictionary),
                    BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.GetGenericArguments());
                return method.CreateDelegate<TypeCopier>();
            }
        }

        var fields = TypeImmutability.GetInstanceFields(type).Where(f => !f.IsLiteral).ToArray();
        foreach (var field in fields)
        {
            if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
            {
                return (o, _) => throw new ArgumentException($"{o.GetType().Name} holds a pointer and cannot be copied between grain calls.");
            }
        }

        return (original, context) => CopyFields(original, fields, context);
    }

    private static object CreateCloneDelegate(Type type, MethodInfo clone)
    {
        var method = typeof(DeepCopier).GetMethod(nameof(MakeClone), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        return method.Invoke(null, [clone])!;
    }

    private static Func<object, object> MakeClone<T>(MethodInfo clone)
        where T : class
    {
        var typed = clone.CreateDelegate<Func<T, T>>();
        return o => typed((T)o);
    }

    private static object CopyFields(object original, FieldInfo[] fields, CopyContext context)
    {
        var type = original.GetType();
        var copy = RuntimeHelpers.GetUninitializedObject(type);
        if (!type.IsValueType)
        {
            context.Record(original, copy);
        }

        foreach (var field in fields)
        {
            field.SetValue(copy, CopyValue(field.GetValue(original), context));
        }

        return copy;
    }

    private static object CopyArray(object original, CopyContext context)
    {
        var array = (Array)original;
        var elementType = array.GetType().GetElementType()!;
        var copy = (Array)array.Clone();
        context.Record(original, copy);
        if (TypeImmutability.IsImmutableForAllValues(elementType))
        {
            return copy;
        }

        if (array.Rank == 1 && array is object?[] objects)
        {
            var target = (object?[])copy;
            for (var i = 0; i < objects.Length; i++)
            {
                target[i] = CopyValue(objects[i], context);
            }

            return copy;
        }

        var indices = new int[array.Rank];
        CopyElements(array, copy, 0, indices, context);
        return copy;
    }

    private static void CopyElements(Array source, Array target, int dimension, int[] indices, CopyContext context)
    {
        var lower = source.GetLowerBound(dimension);
        var upper = source.GetUpperBound(dimension);
        for (var i = lower; i <= upper; i++)
        {
            indices[dimension] = i;
            if (dimension == source.Rank - 1)
            {
                target.SetValue(CopyValue(source.GetValue(indices), context), indices);
            }
            else
            {
                CopyElements(source, target, dimension + 1, indices, context);
            }
        }
    }

    private static object CopyList<T>(object original, CopyContext context)
    {
        var list = (List<T>)original;
        var copy = new List<T>(list.Count);
        context.Record(original, copy);
        var shareElements = TypeImmutability.IsImmutableForAllValues(typeof(T));
        foreach (var item in list)
        {
            copy.Add(shareElements ? item : (T)CopyValue(item, context)!);
        }

        return copy;
    }

    private static object CopyHashSet<T>(object original, CopyContext context)
    {
        var set = (HashSet<T>)original;
        var copy = new HashSet<T>(set.Count, set.Comparer);
        context.Record(original, copy);
        foreach (var item in set)
        {
            copy.Add((T)CopyValue(item, context)!);
        }

        return copy;
    }

    private static object CopyDictionary<TKey, TValue>(object original, CopyContext context)
        where TKey : notnull
    {
        var dictionary = (Dictionary<TKey, TValue>)original;
        var copy = new Dictionary<TKey, TValue>(dictionary.Count, dictionary.Comparer);
        context.Record(original, copy);
        foreach (var (key, value) in dictionary)
        {
            copy.Add((TKey)CopyValue(key, context)!, (TValue)CopyValue(value, context)!);
        }

        return copy;
    }

    /// <summary>Per static type: whether every value of it is immutable, decided once so the hot path needs no GetType().</summary>
    private static class Policy<T>
    {
        public static readonly bool AlwaysShared = TypeImmutability.IsImmutableForAllValues(typeof(T));
    }

    /// <summary>Whether <paramref name="value"/> would be copied (for tests and diagnostics).</summary>
    public static bool NeedsCopy(object? value) => value is not null && GetCopier(value.GetType()) is not null;
}
