using System.Text.RegularExpressions;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>A built-in Azure role the app needs, and the resource types it may be scoped to.</summary>
public sealed record RequiredRole(string Name, string Id, IReadOnlyList<string> ScopeTypes);

/// <summary>A role assignment as read from the template.</summary>
public sealed record FoundRoleAssignment(string Where, string? RoleId, string? ScopeType, string? PrincipalType);

/// <summary>Role assignments give exactly the required built-in roles, at the allowed scopes, to a service principal.</summary>
public static partial class RoleAssignmentRules
{
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex Guid();

    public static IReadOnlyList<FoundRoleAssignment> Find(BicepTemplate template) =>
        [.. template.Resources(RoleAssignmentType).Select(declared =>
        {
            var body = declared.Body;
            var properties = body?["properties"] as BicepObject;
            var scopeSymbol = (body?["scope"] as BicepExpression)?.Identifier;
            var scopeType = scopeSymbol is null ? null : declared.File.Resource(scopeSymbol)?.Type;
            return new FoundRoleAssignment(declared.Where, RoleId(declared.File, properties?["roleDefinitionId"]), scopeType, (properties?["principalType"] as BicepString)?.Value);
        })];

    /// <summary>
    /// The role GUID of a roleDefinitionId expression: a GUID string literal in it, or <c>var.property</c> where the
    /// variable is an object whose property is a GUID literal.
    /// </summary>
    public static string? RoleId(BicepFile file, BicepValue? value)
    {
        if (value is BicepString literal) return Guid().IsMatch(literal.Value) ? literal.Value : null;
        if (value is not BicepExpression expression) return null;
        var tokens = expression.Tokens;
        var found = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == BicepTokenKind.String && Guid().IsMatch(tokens[i].Value)) found.Add(tokens[i].Value);
            if (i + 2 < tokens.Count && tokens[i].Kind == BicepTokenKind.Identifier && tokens[i + 1].IsSymbol(".") && tokens[i + 2].Kind == BicepTokenKind.Identifier
                && file.Variable(tokens[i].Text)?.Value is BicepObject map && map[tokens[i + 2].Text] is BicepString id && Guid().IsMatch(id.Value))
            {
                found.Add(id.Value);
            }
        }
        return found.Count == 1 ? found[0] : null;
    }

    public static IEnumerable<string> Check(BicepTemplate template, IReadOnlyList<RequiredRole> required)
    {
        var assignments = Find(template);
        foreach (var assignment in assignments)
        {
            var role = required.FirstOrDefault(r => r.Id == assignment.RoleId);
            if (assignment.RoleId is null)
            {
                yield return $"{assignment.Where}: roleDefinitionId does not name exactly one role GUID";
            }
            else if (role is null)
            {
                yield return $"{assignment.Where}: role {assignment.RoleId} is not one of the roles the app needs";
            }
            else if (assignment.ScopeType is null || !role.ScopeTypes.Contains(assignment.ScopeType, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{assignment.Where}: {role.Name} is scoped to {assignment.ScopeType ?? "an unknown scope"}, expected {string.Join(" or ", role.ScopeTypes)}";
            }
            if (assignment.PrincipalType != "ServicePrincipal")
            {
                yield return $"{assignment.Where}: principalType must be 'ServicePrincipal' (a managed identity)";
            }
        }
        foreach (var role in required.Where(r => !assignments.Any(a => a.RoleId == r.Id)))
        {
            yield return $"role {role.Name} ({role.Id}) is not assigned";
        }
    }
}
