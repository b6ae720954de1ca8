namespace Approvals.Intake;

/// <summary>
/// Text people type and other people read (names, opinions, findings): bounded in length, and free of control
/// characters and of the bidirectional controls that make a name display as something else (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C). Line breaks and tabs are allowed in long texts.
/// </summary>
public static class HumanText
{
    /// <summary>Why <paramref name="text"/> is not acceptable, or null when it is (null text is the caller's business).</summary>
    public static string? Problem(string? text, int maxLength, bool multiline = false)
    {
        if (text is null) return null;
        if (text.Length > maxLength) return $"最多 {maxLength} 个字符 / at most {maxLength} characters (this one has {text.Length}).";
        foreach (var c in text)
        {
            if (multiline && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c)) return $"不能含控制字符 / must not contain control characters (U+{(int)c:X4}).";
            if (IsBidiControl(c)) return $"不能含双向控制字符 / must not contain bidirectional control characters (U+{(int)c:X4}).";
        }
        return null;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
