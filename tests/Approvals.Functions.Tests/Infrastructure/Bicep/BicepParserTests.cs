namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>The parser reads what the checks rely on, and refuses what it does not understand.</summary>
public sealed class BicepParserTests
{
    private const string Sample = """
        // a comment with listKeys( that is not code
        @description('Queues.')
        var queueNames = [
          'first'
          'second'
        ]

        @secure()
        param token string

        /* block
           comment */
        resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in queueNames: {
          parent: queueService
          name: queueName
        }]

        resource single 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = if (deploy) {
          name: 'it\'s'
          properties: {
            flag: false
            text: 'a ${'nested'} value'
            list: [ 1, 2 ]
            choice: empty(x) ? {
              a: 1
            } : {}
          }
        }
        """;

    [Fact]
    public void Reads_loops_conditions_escapes_and_decorators()
    {
        var file = BicepParser.Parse(Sample, "sample.bicep");

        Assert.Equal(["first", "second"], BicepTemplate.ResolveStringArray(file, file.Variable("queueNames")!.Value)!);
        var resources = file.Resources.ToList();
        Assert.Equal(["queues", "single"], resources.Select(r => r.Symbol));
        Assert.All(resources, r => Assert.Equal("Microsoft.Storage/storageAccounts/queueServices/queues", r.Type));
        Assert.Equal(["first", "second"], BicepTemplate.ResolveNames(new DeclaredResource(file, resources[0])).Names);
        Assert.Equal(["it's"], BicepTemplate.ResolveNames(new DeclaredResource(file, resources[1])).Names);

        var properties = (BicepObject)new DeclaredResource(file, resources[1]).Body!["properties"]!;
        Assert.False(((BicepExpression)properties["flag"]!).Boolean);
        Assert.True(((BicepExpression)properties["text"]!).Tokens[0].Interpolated);
        Assert.Equal(2, ((BicepArray)properties["list"]!).Items.Count);
        Assert.StartsWith("empty ( x ) ?", ((BicepExpression)properties["choice"]!).Text, StringComparison.Ordinal);
        Assert.True(file.Parameters.Single().IsSecure);
    }

    [Fact]
    public void Comments_are_not_tokens()
    {
        var file = BicepParser.Parse(Sample, "sample.bicep");
        Assert.DoesNotContain(file.Tokens, t => t.Text == "listKeys");
    }

    [Theory]
    [InlineData("type pair = { a: string }", "'type' statements are not supported")]
    [InlineData("resource a 'X/y@1' = {\n  resource b 'c' = {}\n}", "nested resources are not supported")]
    [InlineData("resource a 'X/y' = {}", "has no @apiVersion")]
    [InlineData("var x = {\n  a: {} 2\n}", "expected end of line, ',' or '}'")]
    [InlineData("var x = 'open", "unterminated string")]
    public void Refuses_what_it_does_not_understand(string source, string message)
    {
        var error = Assert.Throws<BicepSyntaxException>(() => BicepParser.Parse(source, "bad.bicep"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.bicep(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_name_that_is_not_the_loop_variable_is_unresolved_not_guessed()
    {
        var file = BicepParser.Parse("var names = [\n  'a'\n]\nresource r 'T/q@1' = [for n in names: {\n  name: '${n}-x'\n}]\n", "loop.bicep");
        var resolution = BicepTemplate.ResolveNames(new DeclaredResource(file, file.Resources.Single()));
        Assert.Empty(resolution.Names);
        Assert.Contains("must be the loop variable", resolution.Problem, StringComparison.Ordinal);
    }
}
