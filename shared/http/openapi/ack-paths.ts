/**
 * OpenAPI paths of the acknowledgment links in email (ack-routes.ts). The signed token in the
 * path is the only credential; every answer, problems included, is an HTML page for a person.
 */
import { MAX_NOTE_LENGTH } from '../../domain/alert/apply-response.ts';
import type { Json } from './schemas.ts';

const tokenParameter: Json = {
  name: 'token',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'The signed link token from the email (alert, action, recipient, expiry). A secret: it is never logged.',
};

const page = (description: string): Json => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

const problemPages: Readonly<Record<string, Json>> = {
  '400': page('The link is not valid (cut short, changed, or signed with another key).'),
  '404': page('The alert of the link does not exist.'),
  '410': page('The link has expired.'),
  '500': page('Internal error; the page quotes a request id.'),
  '503': page('A dependency is unavailable; try again (Retry-After).'),
};

export const ackPaths: Readonly<Record<string, Json>> = {
  '/ack/{token}': {
    get: {
      operationId: 'showAckLink',
      summary: 'Show what the link would do; changes nothing',
      description:
        'Mail security scanners fetch every link in a message before anyone clicks it, so GET only shows the alert and a confirmation button (or who already acted).',
      tags: ['acknowledgment links'],
      security: [],
      parameters: [tokenParameter],
      responses: { '200': page('The confirmation page, or the alert as already acknowledged or resolved.'), ...problemPages },
    },
    post: {
      operationId: 'actOnAckLink',
      summary: 'Acknowledge, resolve or post an update, in the name of the recipient of the link',
      description: 'Sent by the button of the confirmation page. Acting twice is harmless: the page says who acted first.',
      tags: ['acknowledgment links'],
      security: [],
      parameters: [tokenParameter],
      requestBody: {
        required: false,
        content: {
          'application/x-www-form-urlencoded': {
            schema: { type: 'object', properties: { note: { type: 'string', maxLength: MAX_NOTE_LENGTH, description: 'Required for update links.' } } },
          },
        },
      },
      responses: {
        '200': page('Done, or already done by someone else.'),
        '403': page('The form was not sent from this site (Sec-Fetch-Site / Origin): nothing was recorded.'),
        '409': page('The alert was resolved meanwhile: it takes no more responses.'),
        '413': page('The form is too large.'),
        '415': page('Not sent as a form.'),
        '422': page('An update link without a note: the form again, with the problem.'),
        ...problemPages,
      },
    },
  },
};
