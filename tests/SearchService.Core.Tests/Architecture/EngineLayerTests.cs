using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using SearchService.Core.Catalog;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Architecture;

/// <summary>
/// The engine (analysis, index, search) knows documents, fields, queries and analyzers only: no
/// type of the conclusion catalog or of the document records. Checked twice, because the compiled
/// code does not show everything: the assembly's types (signatures, locals, attributes, and the
/// members every method body touches, read from its IL), and the engine's source (a constant such
/// as a field name is copied into the IL, so only the source shows that it was borrowed).
/// </summary>
public sealed class EngineLayerTests
{
    private static readonly string[] EngineNamespaces = ["SearchService.Core.Analysis", "SearchService.Core.Index", "SearchService.Core.Search"];

    private static readonly string[] DomainNamespaces = ["SearchService.Core.Catalog", "SearchService.Core.Documents"];

    private static readonly Assembly Core = typeof(ConclusionFields).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void Engine_types_reference_no_catalog_or_document_type()
    {
        var engineTypes = Core.GetTypes().Where(t => InAny(t, EngineNamespaces)).ToList();
        Assert.Contains(typeof(IndexSearcher), engineTypes);
        var violations = engineTypes.SelectMany(Violations).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(violations.Count == 0, "The engine references the catalog or the documents:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Engine_source_names_no_catalog_or_document_type()
    {
        var domainNames = Core.GetTypes()
            .Where(t => !t.IsNested && t.Name[0] != '<' && InAny(t, DomainNamespaces))
            .Select(t => t.Name.Split('`')[0])
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains(nameof(ConclusionFields), domainNames);
        var pattern = new Regex(@"SearchService\.Core\.(Catalog|Documents)\b|\b(" + string.Join('|', domainNames) + @")\b", RegexOptions.CultureInvariant);
        var root = TestCorpus.RepositoryPath("src", "SearchService.Core");
        var violations = new List<string>();
        var files = 0;
        foreach (var folder in new[] { "Analysis", "Index", "Search" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                files++;
                var lines = File.ReadAllLines(path);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (pattern.Match(CodeOf(lines[i])) is { Success: true } match)
                    {
                        violations.Add($"{Path.GetRelativePath(root, path)}:{i + 1}: {match.Value}");
                    }
                }
            }
        }

        Assert.True(files > 100, $"only {files} engine source files found under {root}");
        Assert.True(violations.Count == 0, "The engine's source names the catalog or the documents:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_check_sees_a_reference_the_way_the_engine_would_make_it()
    {
        // The same checks over a type of this test that uses the catalog: both must find it,
        // or a passing run above would prove nothing.
        Assert.NotEmpty(Violations(typeof(UsesTheCatalog)));
        Assert.Contains(nameof(ConclusionFields), CodeOf("var field = ConclusionFields.Title; // a comment naming nothing"));
        Assert.Equal("var url = \"http://x\"; ", CodeOf("var url = \"http://x\"; // ConclusionFields"));
    }

    /// <summary>What <paramref name="type"/> declares or touches that lies in the catalog or the documents.</summary>
    private static IEnumerable<string> Violations(Type type)
    {
        const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var where = type.FullName ?? type.Name;
        var seen = new List<(string Where, Type? Type, MemberInfo? Member)>();
        seen.Add((where + " (base)", type.BaseType, null));
        seen.AddRange(type.GetInterfaces().Select(i => (where + " (interface)", (Type?)i, (MemberInfo?)null)));
        seen.AddRange(type.GetCustomAttributesData().Select(a => (where + " (attribute)", (Type?)a.AttributeType, (MemberInfo?)null)));
        foreach (var field in type.GetFields(all))
        {
            seen.Add(($"{where}.{field.Name}", field.FieldType, null));
        }

        foreach (var property in type.GetProperties(all))
        {
            seen.Add(($"{where}.{property.Name}", property.PropertyType, null));
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            var at = $"{where}.{method.Name}";
            seen.AddRange(method.GetCustomAttributesData().Select(a => (at, (Type?)a.AttributeType, (MemberInfo?)null)));
            seen.AddRange(method.GetParameters().Select(p => (at, (Type?)p.ParameterType, (MemberInfo?)null)));
            if (method is MethodInfo info)
            {
                seen.Add((at, info.ReturnType, null));
            }

            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            seen.AddRange(body.LocalVariables.Select(l => (at, (Type?)l.LocalType, (MemberInfo?)null)));
            var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            foreach (var token in MemberTokens(body.GetILAsByteArray() ?? []))
            {
                seen.Add((at, null, type.Module.ResolveMember(token, typeArguments, methodArguments)));
            }
        }

        foreach (var (at, used, member) in seen)
        {
            foreach (var domain in DomainTypes(used, member))
            {
                yield return $"{at} → {domain.FullName}";
            }
        }
    }

    /// <summary>The catalog or document types in <paramref name="type"/> or in the declaration of <paramref name="member"/>.</summary>
    private static IEnumerable<Type> DomainTypes(Type? type, MemberInfo? member)
    {
        var types = new List<Type>();
        if (type is not null)
        {
            types.Add(type);
        }

        switch (member)
        {
            case Type t:
                types.Add(t);
                break;
            case FieldInfo field:
                types.Add(field.DeclaringType!);
                types.Add(field.FieldType);
                break;
            case MethodBase method:
                types.Add(method.DeclaringType!);
                types.AddRange(method.GetParameters().Select(p => p.ParameterType));
                if (method is MethodInfo info)
                {
                    types.Add(info.ReturnType);
                    if (info.IsGenericMethod)
                    {
                        types.AddRange(info.GetGenericArguments());
                    }
                }

                break;
        }

        return types.SelectMany(Unwrap).Where(t => InAny(t, DomainNamespaces));
    }

    /// <summary>A type and the types it is built from (element types, generic arguments).</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return Unwrap(type.GetGenericTypeDefinition()).Concat(type.GetGenericArguments().SelectMany(Unwrap));
        }

        return type.IsGenericParameter ? [] : [type];
    }

    /// <summary>The metadata tokens of the fields, methods and types an IL body names.</summary>
    private static IEnumerable<int> MemberTokens(byte[] il)
    {
        var at = 0;
        while (at < il.Length)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    at += 4;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
            }
        }
    }

    private static bool InAny(Type type, string[] namespaces)
    {
        var name = type.Namespace ?? "";
        return namespaces.Any(n => name == n || name.StartsWith(n + ".", StringComparison.Ordinal));
    }

    /// <summary>A source line without its comment (a "//" inside a string literal is not one).</summary>
    private static string CodeOf(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (!inString && line[i] == '\'')
            {
                i += i + 1 < line.Length && line[i + 1] == '\\' ? 3 : 2; // a char literal: '"' opens no string
            }
            else if (line[i] == '"' && (i == 0 || line[i - 1] != '\\'))
            {
                inString = !inString;
            }
            else if (!inString && line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>Stands in for an engine type that borrowed from the catalog.</summary>
    private static class UsesTheCatalog
    {
        public static int Fields() => ConclusionFields.Schema.Fields.Count;
    }
}
