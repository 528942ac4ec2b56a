using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace PkhBot.Data;

#pragma warning disable EF1001 // EF's "internal" MigrationsAssembly; MetadataMigrationsAssemblyTests compares the two on every build.

/// <summary>
/// EF finds a context's migrations and model snapshot by loading every type of the assembly (DefinedTypes): all
/// ~1,100 types of the bot, whose runtime structures then stay for the life of the process, only to learn at each
/// start that nothing needs migrating. This reads the assembly's metadata instead, loads only the types that carry
/// EF's [DbContext] attribute and applies EF's own rules to them. Where the metadata cannot be read, EF's scan runs.
/// </summary>
internal sealed class MetadataMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly Type contextType = currentContext.Context.GetType();
    private readonly IDiagnosticsLogger<DbLoggerCategory.Migrations> log = logger;
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations
        => migrations ??= ContextTypes() is { } types ? MigrationsAmong(types) : base.Migrations;

    public override ModelSnapshot? ModelSnapshot
        => snapshot ??= ContextTypes() is { } types
            ? types.Where(t => t.IsSubclassOf(typeof(ModelSnapshot)))
                .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
                .FirstOrDefault()
            : base.ModelSnapshot;

    private SortedList<string, TypeInfo> MigrationsAmong(IEnumerable<TypeInfo> types)
    {
        var result = new SortedList<string, TypeInfo>();
        foreach (var t in types.Where(t => t.IsSubclassOf(typeof(Migration))))
        {
            if (t.GetCustomAttribute<MigrationAttribute>()?.Id is { } id) result.Add(id, t);
            else log.MigrationAttributeMissingWarning(t);
        }
        return result;
    }

    /// <summary>The constructible types of <see cref="MigrationsAssembly.Assembly"/> marked [DbContext(typeof(this context))].</summary>
    private List<TypeInfo>? ContextTypes()
    {
        var reader = ReadMetadata(Assembly);
        if (reader is null) return null;

        var found = new List<TypeInfo>();
        foreach (var handle in reader.TypeDefinitions)
        {
            if (!HasDbContextAttribute(reader, reader.GetTypeDefinition(handle))) continue;
            var type = Assembly.ManifestModule.ResolveType(MetadataTokens.GetToken(handle)).GetTypeInfo();
            if (!type.IsAbstract && !type.IsGenericTypeDefinition
                && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
                found.Add(type);
        }
        return found;
    }

    private static bool HasDbContextAttribute(MetadataReader reader, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            var (ns, name) = constructor.Kind switch
            {
                HandleKind.MemberReference => TypeName(reader, reader.GetMemberReference((MemberReferenceHandle)constructor).Parent),
                HandleKind.MethodDefinition => TypeName(reader, reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()),
                _ => (null, null),
            };
            if (name == nameof(DbContextAttribute) && ns == typeof(DbContextAttribute).Namespace) return true;
        }
        return false;
    }

    private static (string? Namespace, string? Name) TypeName(MetadataReader reader, EntityHandle type) => type.Kind switch
    {
        HandleKind.TypeReference => Strings(reader, reader.GetTypeReference((TypeReferenceHandle)type) is var r ? (r.Namespace, r.Name) : default),
        HandleKind.TypeDefinition => Strings(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type) is var d ? (d.Namespace, d.Name) : default),
        _ => (null, null),
    };

    private static (string, string) Strings(MetadataReader reader, (StringHandle Namespace, StringHandle Name) handles)
        => (reader.GetString(handles.Namespace), reader.GetString(handles.Name));

    private static unsafe MetadataReader? ReadMetadata(Assembly assembly)
        => assembly.TryGetRawMetadata(out var blob, out var length) ? new MetadataReader(blob, length) : null;
}
