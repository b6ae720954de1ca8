using System.Diagnostics.CodeAnalysis;

namespace Approvals.Identity;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters identifying an applicant company,
/// the last one a check character over the first 17. Only valid codes can be constructed.
/// </summary>
public readonly record struct Uscc
{
    /// <summary>The code's alphabet: digits and capital letters without I, O, Z, S and V (31 characters).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private Uscc(string value) => Value = value;

    /// <summary>The 18-character code, upper case.</summary>
    public string Value { get; }

    /// <summary>The registration authority code (登记管理部门代码), character 1.</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>The administrative division code (登记管理机关行政区划码), characters 3–8.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>Parses a code, throwing <see cref="FormatException"/> with the reason when it is not valid.</summary>
    public static Uscc Parse(string text) =>
        TryParse(text, out var uscc, out var error) ? uscc : throw new FormatException(error);

    /// <summary>Parses a code; on failure <paramref name="error"/> says exactly what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Uscc uscc, [NotNullWhen(false)] out string? error)
    {
        uscc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The unified social credit code is empty.";
            return false;
        }

        var code = text.Trim().ToUpperInvariant();
        if (code.Length != 18)
        {
            error = $"The unified social credit code must have 18 characters; '{code}' has {code.Length}.";
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
            {
                error = $"Character {i + 1} of '{code}' is '{code[i]}', which is not allowed (only 0-9 and A-Z without I, O, Z, S, V).";
                return false;
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                error = $"Characters 3-8 of '{code}' must be the digits of an administrative division code; character {i + 1} is '{code[i]}'.";
                return false;
            }
        }

        var expected = ComputeCheckCharacter(code.AsSpan(0, 17));
        if (code[17] != expected)
        {
            error = $"The check character of '{code}' is '{code[17]}' but the first 17 characters require '{expected}'.";
            return false;
        }

        uscc = new Uscc(code);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a valid code.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    /// <summary>
    /// The check character for the first 17 characters: 31 − (Σ value×weight mod 31), where 31 becomes 0.
    /// </summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("The check character is computed over exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]));
            if (value < 0)
            {
                throw new ArgumentException($"Character '{first17[i]}' is not in the code alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
