using System.Text;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>
/// Splits Bicep source into tokens: identifiers, numbers, strings (single-quoted with escapes and
/// <c>${...}</c> interpolation, or <c>'''multi-line'''</c>), symbols and line ends. Comments are dropped.
/// </summary>
public static class BicepTokenizer
{
    private static readonly string[] MultiCharSymbols = ["==", "!=", "<=", ">=", "&&", "||", "??", "=~", "!~", "::", "=>"];

    public static IReadOnlyList<BicepToken> Tokenize(string source, string file)
    {
        var tokens = new List<BicepToken>();
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                tokens.Add(new BicepToken(BicepTokenKind.NewLine, "\n", "\n", false, line));
                line++;
                i++;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                i++;
            }
            else if (c == '/' && Peek(source, i + 1) == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && Peek(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) throw new BicepSyntaxException(file, line, "unterminated /* comment");
                line += source.AsSpan(i, end - i).Count('\n');
                i = end + 2;
            }
            else if (c == '\'' && source.AsSpan(i).StartsWith("'''"))
            {
                var end = source.IndexOf("'''", i + 3, StringComparison.Ordinal);
                if (end < 0) throw new BicepSyntaxException(file, line, "unterminated ''' string");
                var text = source[(i + 3)..end];
                tokens.Add(new BicepToken(BicepTokenKind.String, source[i..(end + 3)], text, false, line));
                line += text.Count('\n');
                i = end + 3;
            }
            else if (c == '\'')
            {
                var start = i;
                var (value, interpolated, next) = ReadString(source, i, file, line);
                tokens.Add(new BicepToken(BicepTokenKind.String, source[start..next], value, interpolated, line));
                i = next;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_')) i++;
                var word = source[start..i];
                tokens.Add(new BicepToken(BicepTokenKind.Identifier, word, word, false, line));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < source.Length && (char.IsDigit(source[i]) || source[i] == '.')) i++;
                var number = source[start..i];
                tokens.Add(new BicepToken(BicepTokenKind.Number, number, number, false, line));
            }
            else
            {
                var symbol = MultiCharSymbols.FirstOrDefault(s => source.AsSpan(i).StartsWith(s)) ?? c.ToString();
                if (symbol.Length == 1 && !"{}[]():,.=?!@<>+-*/%|&".Contains(c, StringComparison.Ordinal))
                {
                    throw new BicepSyntaxException(file, line, $"unexpected character '{c}'");
                }
                tokens.Add(new BicepToken(BicepTokenKind.Symbol, symbol, symbol, false, line));
                i += symbol.Length;
            }
        }
        tokens.Add(new BicepToken(BicepTokenKind.End, "", "", false, line));
        return tokens;
    }

    private static char Peek(string source, int index) => index < source.Length ? source[index] : '\0';

    /// <summary>Reads a single-quoted string from the opening quote; interpolations are kept as written.</summary>
    private static (string Value, bool Interpolated, int Next) ReadString(string source, int start, string file, int line)
    {
        var value = new StringBuilder();
        var interpolated = false;
        var i = start + 1;
        while (true)
        {
            if (i >= source.Length || source[i] == '\n') throw new BicepSyntaxException(file, line, "unterminated string");
            var c = source[i];
            if (c == '\'') return (value.ToString(), interpolated, i + 1);
            if (c == '\\')
            {
                var e = Peek(source, i + 1);
                value.Append(e switch
                {
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    '\\' => "\\",
                    '\'' => "'",
                    '$' => "$",
                    _ => throw new BicepSyntaxException(file, line, $"escape \\{e} is not supported by this parser"),
                });
                i += 2;
            }
            else if (c == '$' && Peek(source, i + 1) == '{')
            {
                interpolated = true;
                var end = InterpolationEnd(source, i + 2, file, line);
                value.Append(source, i, end + 1 - i);
                i = end + 1;
            }
            else
            {
                value.Append(c);
                i++;
            }
        }
    }

    /// <summary>The index of the <c>}</c> closing an interpolation, skipping nested braces and strings.</summary>
    private static int InterpolationEnd(string source, int i, string file, int line)
    {
        var depth = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\'')
            {
                i = ReadString(source, i, file, line).Next;
                continue;
            }
            if (c == '{') depth++;
            if (c == '}')
            {
                if (depth == 0) return i;
                depth--;
            }
            if (c == '\n') break;
            i++;
        }
        throw new BicepSyntaxException(file, line, "unterminated ${ interpolation");
    }
}
