namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>
/// A small recursive-descent parser for the part of Bicep the templates use: targetScope, param, var, resource,
/// module and output statements with decorators; object, array, for and if values; everything else is kept as an
/// expression (its tokens). Constructs outside that part (type, func, import, nested resources, decorated
/// properties) raise <see cref="BicepSyntaxException"/>, so a template the checks cannot read fails loudly
/// instead of passing quietly.
/// </summary>
public sealed class BicepParser
{
    private readonly IReadOnlyList<BicepToken> tokens;
    private readonly string file;
    private int position;

    private BicepParser(IReadOnlyList<BicepToken> tokens, string file)
    {
        this.tokens = tokens;
        this.file = file;
    }

    public static BicepFile Parse(string source, string path)
    {
        var tokens = BicepTokenizer.Tokenize(source, path);
        return new BicepFile(path, new BicepParser(tokens, path).ParseStatements(), tokens);
    }

    private BicepToken Current => tokens[position];

    private BicepToken Next() => tokens[position++];

    private List<BicepStatement> ParseStatements()
    {
        var statements = new List<BicepStatement>();
        var decorators = new List<BicepDecorator>();
        while (true)
        {
            SkipNewLines();
            if (Current.Kind == BicepTokenKind.End)
            {
                if (decorators.Count > 0) throw Error(Current, "decorator without a statement");
                return statements;
            }
            if (Current.IsSymbol("@"))
            {
                decorators.Add(ParseDecorator());
                continue;
            }
            var keyword = Expect(BicepTokenKind.Identifier, "a statement keyword");
            statements.Add(keyword.Text switch
            {
                "targetScope" => ParseTargetScope(keyword),
                "param" => ParseParameter(keyword, decorators),
                "var" => ParseVariable(keyword, decorators),
                "resource" => ParseResource(keyword, decorators),
                "module" => ParseModule(keyword, decorators),
                "output" => ParseOutput(keyword, decorators),
                _ => throw Error(keyword, $"'{keyword.Text}' statements are not supported by this parser"),
            });
            decorators = [];
            if (Current.Kind is not (BicepTokenKind.NewLine or BicepTokenKind.End)) throw Error(Current, $"expected end of line, found {Current}");
        }
    }

    private BicepDecorator ParseDecorator()
    {
        Next();
        var name = Expect(BicepTokenKind.Identifier, "a decorator name").Text;
        if (Current.IsSymbol("."))
        {
            Next();
            name = Expect(BicepTokenKind.Identifier, "a decorator name").Text;
        }
        if (!Current.IsSymbol("(")) throw Error(Current, "expected '(' after the decorator name");
        var arguments = ParseParenthesised();
        return new BicepDecorator(name, string.Join(" ", arguments.Select(t => t.Text)));
    }

    private BicepTargetScope ParseTargetScope(BicepToken keyword)
    {
        ExpectSymbol("=");
        return new BicepTargetScope(ParseValue(), keyword.Line);
    }

    private BicepParameter ParseParameter(BicepToken keyword, List<BicepDecorator> decorators)
    {
        var name = Expect(BicepTokenKind.Identifier, "a parameter name").Text;
        var type = ReadTypeUntilEquals(optional: true);
        BicepValue? defaultValue = null;
        if (Current.IsSymbol("="))
        {
            Next();
            defaultValue = ParseValue();
        }
        return new BicepParameter(name, type, defaultValue, decorators, keyword.Line);
    }

    private BicepVariable ParseVariable(BicepToken keyword, List<BicepDecorator> decorators)
    {
        var name = Expect(BicepTokenKind.Identifier, "a variable name").Text;
        ExpectSymbol("=");
        return new BicepVariable(name, ParseValue(), decorators, keyword.Line);
    }

    private BicepResource ParseResource(BicepToken keyword, List<BicepDecorator> decorators)
    {
        var symbol = Expect(BicepTokenKind.Identifier, "a resource symbol").Text;
        var typeToken = ExpectPlainString("the resource type");
        var at = typeToken.Value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0) throw Error(typeToken, $"resource type '{typeToken.Value}' has no @apiVersion");
        var existing = false;
        if (Current.IsIdentifier("existing"))
        {
            Next();
            existing = true;
        }
        ExpectSymbol("=");
        return new BicepResource(symbol, typeToken.Value[..at], typeToken.Value[(at + 1)..], existing, ParseValue(), decorators, keyword.Line);
    }

    private BicepModule ParseModule(BicepToken keyword, List<BicepDecorator> decorators)
    {
        var symbol = Expect(BicepTokenKind.Identifier, "a module symbol").Text;
        var path = ExpectPlainString("the module path").Value;
        ExpectSymbol("=");
        return new BicepModule(symbol, path, ParseValue(), decorators, keyword.Line);
    }

    private BicepOutput ParseOutput(BicepToken keyword, List<BicepDecorator> decorators)
    {
        var name = Expect(BicepTokenKind.Identifier, "an output name").Text;
        var type = ReadTypeUntilEquals(optional: false);
        ExpectSymbol("=");
        return new BicepOutput(name, type, ParseValue(), decorators, keyword.Line);
    }

    /// <summary>The type of a param or output: the tokens up to '=' (or the line end, when a default is optional).</summary>
    private string ReadTypeUntilEquals(bool optional)
    {
        var type = new List<BicepToken>();
        while (!Current.IsSymbol("="))
        {
            if (Current.Kind is BicepTokenKind.NewLine or BicepTokenKind.End)
            {
                if (optional && type.Count > 0) break;
                throw Error(Current, "expected a type");
            }
            type.Add(Next());
        }
        if (type.Count == 0) throw Error(Current, "expected a type");
        return string.Join(" ", type.Select(t => t.Text));
    }

    private BicepValue ParseValue()
    {
        if (Current.IsSymbol("{")) return ParseObject();
        if (Current.IsSymbol("[")) return LooksLikeFor() ? ParseFor() : ParseArray();
        if (Current.IsIdentifier("if") && tokens[position + 1].IsSymbol("(")) return ParseIf();
        return ParseExpression();
    }

    private bool LooksLikeFor()
    {
        var i = position + 1;
        while (tokens[i].Kind == BicepTokenKind.NewLine) i++;
        return tokens[i].IsIdentifier("for");
    }

    private BicepObject ParseObject()
    {
        var open = Next();
        var properties = new List<BicepProperty>();
        while (true)
        {
            SkipSeparators();
            if (Current.IsSymbol("}"))
            {
                Next();
                return new BicepObject(properties, open.Line);
            }
            if (Current.IsSymbol("@")) throw Error(Current, "decorated object properties are not supported by this parser");
            var keyToken = Next();
            if (keyToken.Kind is not (BicepTokenKind.Identifier or BicepTokenKind.String)) throw Error(keyToken, $"expected a property name, found {keyToken}");
            if (keyToken.IsIdentifier("resource") && Current.Kind == BicepTokenKind.Identifier)
            {
                throw Error(keyToken, "nested resources are not supported by this parser; declare them with parent:");
            }
            ExpectSymbol(":");
            properties.Add(new BicepProperty(keyToken.Value, ParseValue()));
            ExpectItemEnd("}");
        }
    }

    private BicepArray ParseArray()
    {
        var open = Next();
        var items = new List<BicepValue>();
        while (true)
        {
            SkipSeparators();
            if (Current.IsSymbol("]"))
            {
                Next();
                return new BicepArray(items, open.Line);
            }
            items.Add(ParseValue());
            ExpectItemEnd("]");
        }
    }

    private BicepFor ParseFor()
    {
        var open = Next();
        SkipNewLines();
        Next();
        string item;
        string? index = null;
        if (Current.IsSymbol("("))
        {
            Next();
            item = Expect(BicepTokenKind.Identifier, "the loop item variable").Text;
            ExpectSymbol(",");
            index = Expect(BicepTokenKind.Identifier, "the loop index variable").Text;
            ExpectSymbol(")");
        }
        else
        {
            item = Expect(BicepTokenKind.Identifier, "the loop item variable").Text;
        }
        if (!Current.IsIdentifier("in")) throw Error(Current, "expected 'in' in the for expression");
        Next();
        var source = ParseExpression(":");
        ExpectSymbol(":");
        var body = ParseValue();
        SkipNewLines();
        ExpectSymbol("]");
        var sourceExpression = source as BicepExpression ?? throw Error(Current, "a for loop over a string literal is not supported");
        return new BicepFor(item, index, sourceExpression, body, open.Line);
    }

    private BicepIf ParseIf()
    {
        var keyword = Next();
        var condition = ParseParenthesised();
        if (condition.Count == 0) throw Error(keyword, "empty if condition");
        return new BicepIf(new BicepExpression(condition, keyword.Line), ParseValue(), keyword.Line);
    }

    /// <summary>
    /// Tokens up to the end of the value: a line end, ',' or a closing bracket at nesting depth 0 (or one of
    /// <paramref name="extraStops"/>). Line ends inside brackets belong to the expression.
    /// </summary>
    private BicepValue ParseExpression(params string[] extraStops)
    {
        var start = Current;
        var collected = new List<BicepToken>();
        var depth = 0;
        while (true)
        {
            var token = Current;
            if (token.Kind == BicepTokenKind.End) break;
            if (depth == 0 && (token.Kind == BicepTokenKind.NewLine || (token.Kind == BicepTokenKind.Symbol
                && (token.Text is "," or "]" or "}" or ")" || extraStops.Contains(token.Text)))))
            {
                break;
            }
            Next();
            if (token.Kind == BicepTokenKind.NewLine) continue;
            if (token.Kind == BicepTokenKind.Symbol && token.Text is "(" or "[" or "{") depth++;
            if (token.Kind == BicepTokenKind.Symbol && token.Text is ")" or "]" or "}") depth--;
            collected.Add(token);
        }
        if (collected.Count == 0) throw Error(start, $"expected a value, found {start}");
        if (depth != 0) throw Error(start, "unbalanced brackets in expression");
        return collected is [{ Kind: BicepTokenKind.String, Interpolated: false } only]
            ? new BicepString(only.Value, only.Line)
            : new BicepExpression(collected, start.Line);
    }

    /// <summary>The tokens between a '(' at the cursor and its matching ')'; the cursor ends after the ')'.</summary>
    private List<BicepToken> ParseParenthesised()
    {
        var open = Next();
        var inner = new List<BicepToken>();
        var depth = 1;
        while (true)
        {
            var token = Next();
            if (token.Kind == BicepTokenKind.End) throw Error(open, "unbalanced '('");
            if (token.IsSymbol("(")) depth++;
            if (token.IsSymbol(")") && --depth == 0) return inner;
            if (token.Kind != BicepTokenKind.NewLine) inner.Add(token);
        }
    }

    private void ExpectItemEnd(string close)
    {
        if (Current.Kind == BicepTokenKind.NewLine || Current.IsSymbol(",") || Current.IsSymbol(close)) return;
        throw Error(Current, $"expected end of line, ',' or '{close}', found {Current}");
    }

    private void SkipNewLines()
    {
        while (Current.Kind == BicepTokenKind.NewLine) Next();
    }

    private void SkipSeparators()
    {
        while (Current.Kind == BicepTokenKind.NewLine || Current.IsSymbol(",")) Next();
    }

    private BicepToken Expect(BicepTokenKind kind, string what)
    {
        if (Current.Kind != kind) throw Error(Current, $"expected {what}, found {Current}");
        return Next();
    }

    private BicepToken ExpectPlainString(string what)
    {
        var token = Expect(BicepTokenKind.String, what);
        if (token.Interpolated) throw Error(token, $"{what} must be a plain string");
        return token;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol)) throw Error(Current, $"expected '{symbol}', found {Current}");
        Next();
    }

    private BicepSyntaxException Error(BicepToken at, string message) => new(file, at.Line, message);
}
