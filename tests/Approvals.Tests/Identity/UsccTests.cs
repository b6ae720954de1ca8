using Approvals.Identity;

namespace Approvals.Tests.Identity;

public class UsccTests
{
    private const string Valid = "91350100M000100Y43";

    [Fact]
    public void Published_code_is_accepted()
    {
        var uscc = Uscc.Parse(Valid);
        Assert.Equal(Valid, uscc.Value);
        Assert.Equal('9', uscc.RegistrationAuthority);
        Assert.Equal("350100", uscc.RegionCode);
    }

    [Fact]
    public void Lower_case_and_surrounding_spaces_are_normalised()
    {
        Assert.Equal(Valid, Uscc.Parse("  91350100m000100y43 ").Value);
    }

    [Fact]
    public void Check_character_of_published_code_is_recomputed()
    {
        Assert.Equal('3', Uscc.ComputeCheckCharacter(Valid.AsSpan(0, 17)));
    }

    [Fact]
    public void Check_character_31_becomes_zero()
    {
        // Find a 17-character body whose weighted sum is a multiple of 31 by varying the last body character.
        var found = false;
        foreach (var c in Uscc.Alphabet)
        {
            var body = "9137010000000000" + c;
            if (Uscc.ComputeCheckCharacter(body) == '0')
            {
                Assert.True(Uscc.IsValid(body + "0"));
                found = true;
            }
        }

        Assert.True(found);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("91350100M000100Y4", "18 characters")]
    [InlineData("91350100M000100Y433", "18 characters")]
    [InlineData("91350100M0001I0Y43", "'I'")]
    [InlineData("91350100M000100O43", "'O'")]
    [InlineData("9135010SM000100Y43", "'S'")]
    [InlineData("91A50100M000100Y43", "administrative division")]
    [InlineData("91350100M000100Y44", "check character")]
    public void Invalid_codes_are_refused_with_the_reason(string text, string reasonContains)
    {
        Assert.False(Uscc.TryParse(text, out _, out var error));
        Assert.Contains(reasonContains, error, StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => Uscc.Parse(text));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void Every_single_character_substitution_of_a_valid_code_is_detected()
    {
        // The mod-31 check with weights coprime to 31 catches any single-character error.
        for (var position = 0; position < 18; position++)
        {
            foreach (var c in Uscc.Alphabet)
            {
                if (c == Valid[position])
                {
                    continue;
                }

                var mutated = Valid[..position] + c + Valid[(position + 1)..];
                Assert.False(Uscc.IsValid(mutated), mutated);
            }
        }
    }

    [Fact]
    public void Adjacent_transpositions_of_a_valid_code_are_detected()
    {
        for (var i = 0; i < 17; i++)
        {
            if (Valid[i] == Valid[i + 1])
            {
                continue;
            }

            var chars = Valid.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            Assert.False(Uscc.IsValid(new string(chars)), new string(chars));
        }
    }
}
