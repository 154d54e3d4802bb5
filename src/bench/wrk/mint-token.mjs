// Makes an RSA key pair (public key to pub.pem) and prints a JWT signed with it (RS256).
import { generateKeyPairSync, createSign } from 'crypto';
import { writeFileSync } from 'fs';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync('pub.pem', publicKey.export({ type: 'spki', format: 'pem' }));
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const input = b64({ alg: 'RS256', typ: 'JWT' }) + '.' + b64({ sub: 'bench', scope: 'wells:read', iat: now, exp: now + 7200 });
const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
console.log(input + '.' + signature);
