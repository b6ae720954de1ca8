using System.Globalization;

namespace Approvals.Intake;

/// <summary>
/// What a person's text may hold: a bounded length, and no control, format (bidirectional overrides, zero-width) or
/// lone-surrogate characters, which hide or reorder what a reviewer reads.
/// </summary>
public static class TextRules
{
    /// <summary>The problem with <paramref name="text"/>, or null when it is acceptable (null text is the caller's concern).</summary>
    public static string? Problem(string? text, int maxLength, bool multiline = false)
    {
        if (text is null) return null;
        if (text.Length > maxLength) return $"最多 {maxLength} 个字符 / at most {maxLength} characters (got {text.Length}).";
        foreach (var c in text)
        {
            if (multiline && c is '\n' or '\r' or '\t') continue;
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"不得含控制字符或双向格式字符 / must not contain control or bidirectional-format characters (U+{(int)c:X4}).";
            }
        }
        return null;
    }
}
