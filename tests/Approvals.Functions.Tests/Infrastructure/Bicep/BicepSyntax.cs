namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>A value in a Bicep file: what the parser recognises structurally, or an expression kept as tokens.</summary>
public abstract record BicepValue(int Line);

/// <summary>A string literal without interpolation.</summary>
public sealed record BicepString(string Value, int Line) : BicepValue(Line);

/// <summary>Any other expression (calls, references, operators, interpolated strings, literals like true / 40).</summary>
public sealed record BicepExpression(IReadOnlyList<BicepToken> Tokens, int Line) : BicepValue(Line)
{
    public string Text => string.Join(" ", Tokens.Select(t => t.Text));

    /// <summary>The name when the expression is one bare identifier (a variable, parameter, resource or loop variable).</summary>
    public string? Identifier => Tokens is [{ Kind: BicepTokenKind.Identifier } only] ? only.Text : null;

    /// <summary><c>true</c> / <c>false</c> when the expression is that literal.</summary>
    public bool? Boolean => Identifier switch { "true" => true, "false" => false, _ => null };
}

public sealed record BicepProperty(string Key, BicepValue Value);

public sealed record BicepObject(IReadOnlyList<BicepProperty> Properties, int Line) : BicepValue(Line)
{
    public BicepValue? this[string key] => Properties.FirstOrDefault(p => p.Key == key)?.Value;
}

public sealed record BicepArray(IReadOnlyList<BicepValue> Items, int Line) : BicepValue(Line);

/// <summary><c>[for item in source: body]</c> or <c>[for (item, index) in source: body]</c>.</summary>
public sealed record BicepFor(string ItemVariable, string? IndexVariable, BicepExpression Source, BicepValue Body, int Line) : BicepValue(Line);

/// <summary><c>if (condition) body</c>, as the value of a resource or module.</summary>
public sealed record BicepIf(BicepExpression Condition, BicepValue Body, int Line) : BicepValue(Line);

public sealed record BicepDecorator(string Name, string Arguments);

public abstract record BicepStatement(string Name, IReadOnlyList<BicepDecorator> Decorators, int Line);

public sealed record BicepTargetScope(BicepValue Value, int Line) : BicepStatement("targetScope", [], Line);

public sealed record BicepParameter(string Name, string Type, BicepValue? Default, IReadOnlyList<BicepDecorator> Decorators, int Line)
    : BicepStatement(Name, Decorators, Line)
{
    public bool IsSecure => Decorators.Any(d => d.Name == "secure");
}

public sealed record BicepVariable(string Name, BicepValue Value, IReadOnlyList<BicepDecorator> Decorators, int Line) : BicepStatement(Name, Decorators, Line);

/// <summary><c>resource symbol 'Type@apiVersion' [existing] = value</c>.</summary>
public sealed record BicepResource(string Symbol, string Type, string ApiVersion, bool Existing, BicepValue Value, IReadOnlyList<BicepDecorator> Decorators, int Line)
    : BicepStatement(Symbol, Decorators, Line);

public sealed record BicepModule(string Symbol, string Path, BicepValue Value, IReadOnlyList<BicepDecorator> Decorators, int Line) : BicepStatement(Symbol, Decorators, Line);

public sealed record BicepOutput(string Name, string Type, BicepValue Value, IReadOnlyList<BicepDecorator> Decorators, int Line) : BicepStatement(Name, Decorators, Line);

/// <summary>One parsed .bicep file; <see cref="Path"/> is relative to the template folder, with '/' separators.</summary>
public sealed record BicepFile(string Path, IReadOnlyList<BicepStatement> Statements, IReadOnlyList<BicepToken> Tokens)
{
    public IEnumerable<BicepResource> Resources => Statements.OfType<BicepResource>();

    public IEnumerable<BicepModule> Modules => Statements.OfType<BicepModule>();

    public IEnumerable<BicepParameter> Parameters => Statements.OfType<BicepParameter>();

    public BicepVariable? Variable(string name) => Statements.OfType<BicepVariable>().FirstOrDefault(v => v.Name == name);

    public BicepResource? Resource(string symbol) => Resources.FirstOrDefault(r => r.Symbol == symbol);
}
