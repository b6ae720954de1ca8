namespace Approvals.Functions.Tests.Infrastructure.Bicep;

public enum BicepTokenKind
{
    Identifier,
    String,
    Number,
    Symbol,
    NewLine,
    End,
}

/// <summary>
/// One token of a Bicep file. For strings, <see cref="Value"/> is the unescaped text and <see cref="Interpolated"/>
/// says whether it holds <c>${...}</c> parts (then <see cref="Value"/> keeps them as written).
/// </summary>
public sealed record BicepToken(BicepTokenKind Kind, string Text, string Value, bool Interpolated, int Line)
{
    public bool Is(BicepTokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsSymbol(string text) => Is(BicepTokenKind.Symbol, text);

    public bool IsIdentifier(string text) => Is(BicepTokenKind.Identifier, text);

    public override string ToString() => Kind == BicepTokenKind.NewLine ? "end of line" : Kind == BicepTokenKind.End ? "end of file" : $"'{Text}'";
}

/// <summary>The file does not use Bicep the way the parser understands it; the message names the line.</summary>
public sealed class BicepSyntaxException(string file, int line, string message)
    : Exception($"{file}({line}): {message}");
