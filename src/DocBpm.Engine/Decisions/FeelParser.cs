using System.Globalization;

namespace DocBpm.Engine.Decisions;

/// <summary>
/// Reads the documented FEEL subset of a cell in one pass over its text (so no cell can take long, whatever it holds):
/// literals (numbers, "strings", true, false, null, date("yyyy-MM-dd")), names (<c>amount</c>, <c>applicant.age</c>),
/// comparisons, ranges, lists, <c>not(…)</c> and "-".
/// </summary>
public sealed class FeelParser
{
    /// <summary>The longest cell accepted; real cells are a few words.</summary>
    public const int MaxCellLength = 2000;

    private readonly string text;
    private int position;

    private FeelParser(string text) => this.text = text;

    /// <summary>An input entry. Throws <see cref="FormatException"/> (in English, naming what was expected) when it is not in the subset.</summary>
    public static UnaryTest ParseUnaryTests(string? text)
    {
        var trimmed = Checked(text);
        if (trimmed is "" or "-")
            return AnyValue.Instance;
        var parser = new FeelParser(trimmed);
        UnaryTest test;
        if (parser.TryWord("not"))
        {
            parser.Expect('(');
            test = new NoneOf(parser.List(')'));
            parser.Expect(')');
        }
        else
        {
            var list = parser.List(null);
            test = list.Tests.Count == 1 ? list.Tests[0] : list;
        }

        parser.End();
        return test;
    }

    /// <summary>An output entry or input expression: one literal or name; empty gives null.</summary>
    public static FeelTerm? ParseTerm(string? text)
    {
        var trimmed = Checked(text);
        if (trimmed.Length == 0)
            return null;
        var parser = new FeelParser(trimmed);
        var term = parser.Term();
        parser.End();
        return term;
    }

    private static string Checked(string? text)
    {
        if (text is { Length: > MaxCellLength })
            throw new FormatException($"the entry is longer than {MaxCellLength} characters");
        return text?.Trim() ?? "";
    }

    private AnyOf List(char? closing)
    {
        var tests = new List<UnaryTest> { Positive() };
        while (Skip() && position < text.Length && text[position] == ',')
        {
            position++;
            tests.Add(Positive());
        }

        if (closing is { } c && (position >= text.Length || text[position] != c))
            throw Expected($"',' or '{c}'");
        return new AnyOf(tests);
    }

    private UnaryTest Positive()
    {
        Skip();
        if (position >= text.Length)
            throw Expected("a value");
        var c = text[position];
        if (c is '<' or '>')
        {
            position++;
            var orEqual = position < text.Length && text[position] == '=';
            if (orEqual)
                position++;
            var op = (c, orEqual) switch
            {
                ('<', false) => Comparison.Less,
                ('<', true) => Comparison.LessOrEqual,
                ('>', false) => Comparison.Greater,
                _ => Comparison.GreaterOrEqual,
            };
            return new Compared(op, Term());
        }

        if (c is '[' or '(' or ']')
        {
            position++;
            var low = Term();
            Skip();
            if (!text.AsSpan(position).StartsWith(".."))
                throw Expected("'..' of a range");
            position += 2;
            var high = Term();
            Skip();
            if (position >= text.Length || text[position] is not (']' or ')' or '['))
                throw Expected("']', ')' or '[' closing the range");
            var end = text[position++];
            return new InRange(low, c == '[', high, end == ']');
        }

        return new EqualTo(Term());
    }

    private FeelTerm Term()
    {
        Skip();
        if (position >= text.Length)
            throw Expected("a value");
        var c = text[position];
        if (c == '"')
            return new FeelLiteral(StringLiteral());
        if (c == '-' || char.IsAsciiDigit(c))
            return new FeelLiteral(Number());
        if (!IsNameStart(c))
            throw Expected("a number, a \"string\", true, false, null, date(\"…\") or a name");
        var start = position;
        var path = new List<string> { Name() };
        while (position < text.Length && text[position] == '.' && !text.AsSpan(position).StartsWith(".."))
        {
            position++;
            path.Add(Name());
        }

        if (path.Count == 1)
        {
            switch (path[0])
            {
                case "true":
                    return new FeelLiteral(true);
                case "false":
                    return new FeelLiteral(false);
                case "null":
                    return new FeelLiteral(null);
                case "date":
                    return new FeelLiteral(DateLiteral(start));
            }
        }

        return new FeelName(path);
    }

    private DateOnly DateLiteral(int start)
    {
        Expect('(');
        Skip();
        var value = position < text.Length && text[position] == '"' ? StringLiteral() : throw Expected("a \"yyyy-MM-dd\" date");
        Expect(')');
        return FeelValues.TryDate(value, out var date)
            ? date
            : throw new FormatException($"'{text[start..position]}' is not a date: write date(\"yyyy-MM-dd\")");
    }

    private string StringLiteral()
    {
        position++;
        var value = new System.Text.StringBuilder();
        while (position < text.Length && text[position] != '"')
        {
            if (text[position] == '\\' && position + 1 < text.Length)
                position++;
            value.Append(text[position++]);
        }

        if (position >= text.Length)
            throw Expected("the closing '\"' of a string");
        position++;
        return value.ToString();
    }

    private decimal Number()
    {
        var start = position;
        if (text[position] == '-')
            position++;
        while (position < text.Length && (char.IsAsciiDigit(text[position])
                   || (text[position] == '.' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1]))))
            position++;
        return decimal.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{text[start..position]}' is not a number");
    }

    private string Name()
    {
        var start = position;
        if (position >= text.Length || !IsNameStart(text[position]))
            throw Expected("a name");
        while (position < text.Length && (IsNameStart(text[position]) || char.IsAsciiDigit(text[position])))
            position++;
        return text[start..position];
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private bool TryWord(string word)
    {
        if (!text.StartsWith(word, StringComparison.Ordinal))
            return false;
        var after = word.Length;
        while (after < text.Length && char.IsWhiteSpace(text[after]))
            after++;
        if (after >= text.Length || text[after] != '(')
            return false;
        position = word.Length;
        return true;
    }

    private void Expect(char c)
    {
        Skip();
        if (position >= text.Length || text[position] != c)
            throw Expected($"'{c}'");
        position++;
    }

    private bool Skip()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
        return true;
    }

    private void End()
    {
        Skip();
        if (position < text.Length)
            throw Expected("the end of the entry");
    }

    private FormatException Expected(string what) =>
        new($"expected {what} at character {position + 1} of '{text}'");
}
