using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace DocBpm.Engine.Expressions;

/// <summary>
/// Caps the strings a script can build in one call. Jint checks its memory limit between statements and allows strings
/// of V8's maximum length, so <c>'x'.repeat(2**28)</c> would take half a gigabyte before any check. The built-ins that
/// multiply a string are wrapped to refuse a result over the cap before it is built, with the RangeError a JavaScript
/// engine gives for a string that is too long (a script may catch it). Concatenation with <c>+</c> needs no wrapper:
/// Jint charges it to the memory limit as it builds it.
/// </summary>
internal static class StringLengthGuard
{
    /// <summary>
    /// Installs the wrappers; <c>joinedLength</c> (host code, so that counting a large array costs no script statements)
    /// sums the string items of an array-like with their separators.
    /// </summary>
    private static readonly Prepared<Script> Installer = Jint.Engine.PrepareScript("""
        (function (max, joinedLength) {
          'use strict';
          function wrap(proto, name, lengthOf) {
            var original = proto[name];
            Object.defineProperty(proto, name, {
              value: function () {
                if (lengthOf(this, arguments) > max)
                  throw new RangeError('Invalid string length: more than ' + max + ' characters');
                return original.apply(this, arguments);
              },
              writable: true, configurable: true,
            });
          }
          wrap(String.prototype, 'repeat', function (s, a) { var n = Math.floor(Number(a[0])); return n > 0 ? String(s).length * n : 0; });
          wrap(String.prototype, 'padStart', function (s, a) { return Number(a[0]); });
          wrap(String.prototype, 'padEnd', function (s, a) { return Number(a[0]); });
          wrap(String.prototype, 'concat', function (s, a) { return String(s).length + joinedLength(a, ''); });
          wrap(Array.prototype, 'join', function (s, a) { return joinedLength(s, a[0] === undefined ? ',' : String(a[0])); });
        })
        """);

    public static void Install(Jint.Engine engine, int maxLength)
    {
        var joinedLength = new ClrFunction(engine, "joinedLength", (_, arguments) => JoinedLength(arguments, maxLength));
        engine.Invoke(engine.Evaluate(Installer), maxLength, joinedLength);
    }

    /// <summary>The length of the joined string items; more items than the cap is over it whatever they hold.</summary>
    private static JsValue JoinedLength(JsValue[] arguments, int maxLength)
    {
        if (arguments.Length < 2 || arguments[0] is not ObjectInstance items)
            return 0;
        var separator = arguments[1].IsString() ? arguments[1].AsString().Length : 0;
        var count = TypeConverter.ToNumber(items.Get("length"));
        if (count > maxLength)
            return count;
        double total = 0;
        for (var i = 0; i < count && total <= maxLength; i++)
        {
            var item = items.Get(i);
            total += (i > 0 ? separator : 0) + (item.IsString() ? item.AsString().Length : 0);
        }

        return total;
    }
}
